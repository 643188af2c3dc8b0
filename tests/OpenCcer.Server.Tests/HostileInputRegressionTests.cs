using System.Net;
using System.Text;

namespace OpenCcer.Server.Tests;

/// <summary>Requests the generated hostile-input test once answered with 500; each must be a 400 problem.</summary>
public sealed class HostileInputRegressionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("""{"uniqueness_commitment_signed":true,"external_registrations":[null],"under_ets_allowance_management":false,"has_legal_reduction_obligation":false,"green_certificates_elected":false}""")]
    [InlineData("""{"external_registrations":[null,{"mechanism":null}]}""")]
    public async Task a_null_external_registration_is_a_400_not_a_500(string body)
    {
        var client = server.As(ServerFixture.Spic);
        var response = await client.PostAsync("/api/v1/projects/0193a000-0000-7000-8000-000000000000/apply",
            new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ServerFixture.Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("external_registrations[0]", out _), errors.ToString());
    }
}
