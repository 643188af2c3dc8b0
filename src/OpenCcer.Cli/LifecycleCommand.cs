using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer project …</c> and <c>ccer reduction …</c>: the lifecycle actions, sent to a running server
/// with an API key, so they are checked and recorded exactly as from any other client.
/// </summary>
internal static class LifecycleCommand
{
    /// <summary>One action: its path under the project or reduction, and the body fields it sends.</summary>
    private sealed record Action(string Name, string Path, string Description, params string[] Fields);

    private static readonly Action[] ProjectActions =
    [
        new("publish", "publish", "Publish the design document for 20 working days, naming the VVB.", "vvb"),
        new("comment", "comments", "Comment during the public notice.", "text"),
        new("answer", "comments/{number}/answer", "Answer comment --number.", "text"),
        new("withdraw", "withdraw", "Withdraw during the notice.", "text"),
        new("end-notice", "end-notice", "Close a notice whose 20 working days are over."),
        new("start-validation", "validation/start", "Start validation (the named VVB)."),
        new("raise-car", "validation/corrective-actions", "Raise a corrective-action request (VVB).", "text"),
        new("close-car", "validation/corrective-actions/{number}/close", "Close corrective action --number (VVB).", "text"),
        new("validation-report", "validation/report", "Submit the validation report (VVB).", "conclusion", "sha256", "summary"),
        new("apply", "apply", "Apply for registration with the uniqueness commitment.", "commitment", "ets", "obligation", "gec"),
        new("start-review", "review/start", "Start the registry review (administrator)."),
        new("register", "register", "Register the project (administrator)."),
        new("reject", "reject", "Reject with a reason (administrator).", "text"),
        new("deregister", "deregister", "Deregister (owner or administrator).", "text"),
        new("revoke", "revoke", "Revoke for fraud (administrator).", "text"),
    ];

    private static readonly Action[] ReductionActions =
    [
        new("report", "report", "Draft the monitoring report claiming --quantity.", "quantity", "sha256"),
        new("publish", "publish", "Publish the report for 20 working days, naming the verifying VVB.", "vvb"),
        new("comment", "comments", "Comment during the public notice.", "text"),
        new("answer", "comments/{number}/answer", "Answer comment --number.", "text"),
        new("start-verification", "verification/start", "Start verification (the named VVB)."),
        new("verification-report", "verification/report", "Submit the verification report fixing --quantity (VVB).", "quantity", "sha256"),
        new("apply", "apply", "Apply for registration of exactly the verified --quantity.", "quantity"),
        new("start-review", "review/start", "Start the registry review (administrator)."),
        new("register", "register", "Register the reduction (administrator)."),
        new("reject", "reject", "Reject with a reason (administrator).", "text"),
        new("issue", "issue", "Issue the units into the owner's registry account (administrator)."),
    ];

    public static Command Project(Func<Uri, HttpClient> http)
    {
        var command = new Command("project", "Project lifecycle actions on a running server.");
        var server = ServerOption();
        var list = new Command("list", "Projects, optionally filtered.") { server };
        var phase = new Option<string?>("--phase") { Description = "e.g. in_public_notice, registered." };
        var methodology = new Option<string?>("--methodology") { Description = "e.g. CCER-01-002-V01." };
        list.Options.Add(phase);
        list.Options.Add(methodology);
        list.SetAction((parse, ct) => SendAsync(parse, http, server, null, HttpMethod.Get,
            "/api/v1/projects" + Query(("phase", parse.GetValue(phase)), ("methodology", parse.GetValue(methodology))), null, ct));
        command.Subcommands.Add(list);
        var id = new Argument<Guid>("id") { Description = "The project id." };
        var show = new Command("show", "One project.") { id, server };
        show.SetAction((parse, ct) => SendAsync(parse, http, server, null, HttpMethod.Get, $"/api/v1/projects/{parse.GetValue(id)}", null, ct));
        command.Subcommands.Add(show);
        command.Subcommands.Add(Draft(http));
        foreach (var action in ProjectActions) command.Subcommands.Add(ActionCommand(http, "projects", action));
        return command;
    }

    public static Command Reduction(Func<Uri, HttpClient> http)
    {
        var command = new Command("reduction", "Reduction (monitoring period) lifecycle actions on a running server.");
        var server = ServerOption();
        var key = KeyOption();
        var project = new Argument<Guid>("project-id") { Description = "The registered project." };
        var first = new Option<DateOnly>("--first") { Description = "First day of the period, yyyy-MM-dd.", Required = true };
        var last = new Option<DateOnly>("--last") { Description = "Last day of the period, yyyy-MM-dd.", Required = true };
        var start = new Command("start", "Open a monitoring period of a registered project (owner).") { project, first, last, server, key };
        start.SetAction((parse, ct) => SendAsync(parse, http, server, key, HttpMethod.Post, $"/api/v1/projects/{parse.GetValue(project)}/reductions",
            new JsonObject { ["period_first"] = Date(parse.GetValue(first)), ["period_last"] = Date(parse.GetValue(last)) }, ct));
        command.Subcommands.Add(start);
        var id = new Argument<Guid>("id") { Description = "The reduction id." };
        var show = new Command("show", "One reduction.") { id, server };
        show.SetAction((parse, ct) => SendAsync(parse, http, server, null, HttpMethod.Get, $"/api/v1/reductions/{parse.GetValue(id)}", null, ct));
        command.Subcommands.Add(show);
        foreach (var action in ReductionActions) command.Subcommands.Add(ActionCommand(http, "reductions", action));
        return command;
    }

    private static Command Draft(Func<Uri, HttpClient> http)
    {
        var server = ServerOption();
        var key = KeyOption();
        var title = new Option<string>("--title") { Required = true };
        var methodology = new Option<string>("--methodology") { Required = true, Description = "e.g. CCER-01-002-V01." };
        var province = new Option<string>("--province") { Required = true };
        var construction = new Option<DateOnly>("--construction-start") { Required = true, Description = "yyyy-MM-dd." };
        var creditingStart = new Option<DateOnly>("--crediting-start") { Required = true, Description = "yyyy-MM-dd." };
        var years = new Option<int>("--crediting-years") { Required = true };
        var command = new Command("draft", "Draft a project (project owner).") { title, methodology, province, construction, creditingStart, years, server, key };
        command.SetAction((parse, ct) => SendAsync(parse, http, server, key, HttpMethod.Post, "/api/v1/projects", new JsonObject
        {
            ["title"] = parse.GetValue(title),
            ["methodology_code"] = parse.GetValue(methodology),
            ["province"] = parse.GetValue(province),
            ["construction_start"] = Date(parse.GetValue(construction)),
            ["crediting_start"] = Date(parse.GetValue(creditingStart)),
            ["crediting_years"] = parse.GetValue(years),
        }, ct));
        return command;
    }

    private static Command ActionCommand(Func<Uri, HttpClient> http, string resource, Action action)
    {
        var server = ServerOption();
        var key = KeyOption();
        var id = new Argument<Guid>("id");
        var command = new Command(action.Name, action.Description) { id, server, key };
        var number = new Option<int>("--number") { Description = "The comment or corrective-action number." };
        if (action.Path.Contains("{number}", StringComparison.Ordinal)) { number.Required = true; command.Options.Add(number); }
        var text = new Option<string>("--text") { Required = true, Description = "The comment, answer or reason." };
        var vvb = new Option<string>("--vvb") { Required = true, Description = "The VVB's subject id (unified social credit code)." };
        var conclusion = new Option<string>("--conclusion") { Required = true, Description = "positive or negative." };
        var sha256 = new Option<string>("--sha256") { Required = true, Description = "SHA-256 of the report document." };
        var summary = new Option<string>("--summary") { Required = true };
        var quantity = new Option<long>("--quantity") { Required = true, Description = "Whole tonnes." };
        var commitment = new Option<bool>("--commitment") { Description = "The uniqueness commitment is signed." };
        var ets = new Option<bool>("--ets") { Description = "Under ETS allowance management." };
        var obligation = new Option<bool>("--obligation") { Description = "Has a legal reduction obligation." };
        var gec = new Option<bool>("--gec") { Description = "Trades green electricity certificates." };
        Option[] byField = [text, vvb, conclusion, sha256, summary, quantity, commitment, ets, obligation, gec];
        string[] names = ["text", "vvb", "conclusion", "sha256", "summary", "quantity", "commitment", "ets", "obligation", "gec"];
        foreach (var field in action.Fields) command.Options.Add(byField[Array.IndexOf(names, field)]);
        command.SetAction((parse, ct) =>
        {
            var body = new JsonObject();
            foreach (var field in action.Fields)
            {
                switch (field)
                {
                    case "text": body["text"] = parse.GetValue(text); break;
                    case "vvb": body["vvb_subject_id"] = parse.GetValue(vvb); break;
                    case "conclusion": body["conclusion"] = parse.GetValue(conclusion); break;
                    case "sha256": body[resource == "projects" ? "document_sha256" : "report_sha256"] = parse.GetValue(sha256); break;
                    case "summary": body["summary"] = parse.GetValue(summary); break;
                    case "quantity": body["quantity_tonnes"] = parse.GetValue(quantity); break;
                    case "commitment": body["uniqueness_commitment_signed"] = parse.GetValue(commitment); break;
                    case "ets": body["under_ets_allowance_management"] = parse.GetValue(ets); break;
                    case "obligation": body["has_legal_reduction_obligation"] = parse.GetValue(obligation); break;
                    case "gec": body["green_certificates_elected"] = parse.GetValue(gec); break;
                }
            }
            var path = $"/api/v1/{resource}/{parse.GetValue(id)}/" + action.Path.Replace("{number}",
                parse.GetValue(number).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return SendAsync(parse, http, server, key, HttpMethod.Post, path, body, ct);
        });
        return command;
    }

    private static Option<string> ServerOption() => new("--server")
    {
        Description = "The server's address.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OPENCCER_SERVER") ?? "http://127.0.0.1:5080",
    };

    private static Option<string?> KeyOption() => new("--key")
    {
        Description = "API key (default: the OPENCCER_API_KEY environment variable).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OPENCCER_API_KEY"),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToArray();
        return given.Length == 0 ? "" : "?" + string.Join('&', given);
    }

    /// <summary>Sends one request; prints the JSON answer, or the problem's title, detail and field errors.</summary>
    private static async Task<int> SendAsync(ParseResult parse, Func<Uri, HttpClient> http, Option<string> server, Option<string?>? key,
        HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var baseUri))
        {
            await error.WriteLineAsync("--server must be an absolute URL such as http://127.0.0.1:5080.");
            return CcerCommand.BadInput;
        }
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (key is not null && parse.GetValue(key) is { Length: > 0 } apiKey) request.Headers.Add("X-Api-Key", apiKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        HttpResponseMessage response;
        try
        {
            response = await http(baseUri).SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"Cannot reach {baseUri}: {e.Message}");
            return CcerCommand.Failed;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try { json = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text); } catch (JsonException) { }
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync(json?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? text);
                return CcerCommand.Success;
            }
            await error.WriteLineAsync($"{(int)response.StatusCode} {json?["title"]} {json?["type"]}".TrimEnd());
            if (json?["detail"] is { } detail) await error.WriteLineAsync(detail.ToString());
            if (json?["errors"] is JsonObject errors)
                foreach (var (field, messages) in errors) await error.WriteLineAsync($"  {field}: {messages}");
            return (int)response.StatusCode == 400 ? CcerCommand.BadInput : CcerCommand.Failed;
        }
    }
}
