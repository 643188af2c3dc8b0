using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCcer.Cli;

namespace OpenCcer.Cli.Tests;

/// <summary>The server under test, found through one of its types (the CLI has a Program of its own).</summary>
public sealed class CliServer : WebApplicationFactory<OpenCcer.Server.Api.ReferenceDataHolder>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"cli-server-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class LifecycleCommandTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CcerCommand.RunAsync(args, output, error, http: _ => server.CreateClient());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task an_owner_drafts_and_publishes_a_project_and_early_steps_are_refused()
    {
        var drafted = await Run("project", "draft", "--title", "CLI wind farm", "--methodology", "CCER-01-002-V01", "--province", "Fujian",
            "--construction-start", "2021-05-01", "--crediting-start", "2022-01-01", "--crediting-years", "10", "--key", "ccer-demo-owner-spic");
        Assert.True(drafted.Exit == 0, drafted.Error);
        var id = JsonDocument.Parse(drafted.Output).RootElement.GetProperty("id").GetString()!;
        var published = await Run("project", "publish", id, "--vvb", "12100000VVB0000005", "--key", "ccer-demo-owner-spic");
        Assert.True(published.Exit == 0, published.Error);
        Assert.Equal("in_public_notice", JsonDocument.Parse(published.Output).RootElement.GetProperty("phase").GetString());
        var early = await Run("project", "end-notice", id, "--key", "ccer-demo-owner-spic");
        Assert.Equal(1, early.Exit);
        Assert.Contains("/problems/notice-period-not-over", early.Error);
        var wrongRole = await Run("project", "start-validation", id, "--key", "ccer-demo-owner-spic");
        Assert.Equal(1, wrongRole.Exit);
        Assert.Contains("403", wrongRole.Error);
        var listed = await Run("project", "list", "--phase", "in_public_notice");
        Assert.Contains(id, listed.Output);
    }

    [Fact]
    public async Task missing_options_and_unknown_actions_exit_with_2()
    {
        Assert.Equal(2, (await Run("project", "publish", Guid.NewGuid().ToString())).Exit);
        Assert.Equal(2, (await Run("project", "fly", Guid.NewGuid().ToString())).Exit);
        Assert.Equal(2, (await Run("reduction", "apply", "not-a-guid", "--quantity", "5")).Exit);
        var missing = await Run("project", "show", Guid.NewGuid().ToString());
        Assert.Equal(1, missing.Exit);
        Assert.Contains("404", missing.Error);
    }
}
