using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Methodologies.Mangrove;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer calc &lt;methodology-code&gt; --input &lt;file.json|file.csv&gt; [--project file.json] [--format json|table]</c>.
/// A CSV input holds monitoring data only (meter readings or sample-plot trees) and needs the rest of
/// the input from <c>--project</c>. Exit codes: 0 calculated, 2 bad input or unknown methodology,
/// 3 not applicable.
/// </summary>
internal static class CalcCommand
{
    internal const int ExitOk = 0;
    internal const int ExitBadInput = 2;
    internal const int ExitNotApplicable = 3;

    /// <summary>Input files larger than this are refused before reading: monitoring data is small.</summary>
    internal const long InputBytesMax = 64L * 1024 * 1024;

    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "Methodology code, e.g. CCER-01-002-V01" };
        var input = new Option<FileInfo>("--input") { Description = "Input file: the methodology's JSON shape, or a monitoring CSV" };
        var project = new Option<FileInfo>("--project") { Description = "JSON with the non-monitoring fields when --input is a CSV" };
        var format = new Option<string>("--format") { Description = "Output format: json (default) or table", DefaultValueFactory = _ => "json" };
        var command = new Command("calc", "Calculate emission reductions with a CCER methodology") { code, input, project, format };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(code) ?? "",
            parseResult.GetValue(input),
            parseResult.GetValue(project),
            parseResult.GetValue(format) ?? "json",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string code, FileInfo? input, FileInfo? project, string format, TextWriter output, TextWriter error)
    {
        if (format is not ("json" or "table"))
        {
            return Fail(error, [new FieldError("--format", $"'{format}' is not json or table")]);
        }
        var reference = MethodologyReferenceData.Shipped();
        if (MethodologyCalculators.Find(code, reference.Catalogue) is not { } calculator)
        {
            var known = string.Join(", ", reference.Catalogue.Entries.Select(e => e.Code));
            return Fail(error, [new FieldError("code", $"unknown methodology '{code}'; known: {known}")]);
        }
        var document = ReadInput(calculator, input, project, out var inputErrors);
        if (document is null)
        {
            return Fail(error, inputErrors);
        }
        var outcome = calculator.CalculateJson(document.Value, reference);
        switch (outcome.Status)
        {
            case CalculationStatus.Ok:
                output.WriteLine(format == "table" ? ResultTable.Render(outcome.Result!) : MethodologyJson.Serialize(outcome.Result!));
                return ExitOk;
            case CalculationStatus.NotApplicable:
                error.WriteLine($"{calculator.Code} does not apply to this project:");
                WriteErrors(error, outcome.Errors);
                return ExitNotApplicable;
            default:
                return Fail(error, outcome.Errors);
        }
    }

    private static JsonElement? ReadInput(IMethodologyCalculator calculator, FileInfo? input, FileInfo? project, out IReadOnlyList<FieldError> errors)
    {
        errors = [];
        if (input is null)
        {
            errors = [new FieldError("--input", "is required")];
            return null;
        }
        if (ReadText(input, "--input", out errors) is not { } text)
        {
            return null;
        }
        if (!input.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJson(text, "--input", out errors);
        }
        if (project is null)
        {
            errors = [new FieldError("--project", "is required with a CSV --input (it holds the fields other than the monitoring data)")];
            return null;
        }
        if (ReadText(project, "--project", out errors) is not { } projectText || ParseJson(projectText, "--project", out errors) is not { } projectJson)
        {
            return null;
        }
        var node = JsonObject.Create(projectJson);
        if (node is null)
        {
            errors = [new FieldError("--project", "must hold a JSON object")];
            return null;
        }
        var forest = calculator is AfforestationCalculator or MangroveCalculator;
        var rows = forest ? MonitoringCsv.Trees(text, out errors) : MonitoringCsv.Periods(text, out errors);
        if (rows is null)
        {
            errors = errors.Select(e => new FieldError($"{input.Name} {e.Field}", e.Message)).ToArray();
            return null;
        }
        if (forest)
        {
            if (node["current"] is not JsonObject current)
            {
                errors = [new FieldError("--project: current", "must be an object with the inventory date")];
                return null;
            }
            current["trees"] = rows;
        }
        else
        {
            node["periods"] = rows;
        }
        return JsonSerializer.SerializeToElement(node);
    }

    private static string? ReadText(FileInfo file, string option, out IReadOnlyList<FieldError> errors)
    {
        errors = [];
        try
        {
            if (file.Length > InputBytesMax)
            {
                errors = [new FieldError(option, $"{file.Name} is larger than {InputBytesMax / (1024 * 1024)} MB")];
                return null;
            }
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors = [new FieldError(option, $"cannot read {file.Name}: {e.Message}")];
            return null;
        }
    }

    private static JsonElement? ParseJson(string text, string option, out IReadOnlyList<FieldError> errors)
    {
        errors = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            errors = [new FieldError(option, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}")];
            return null;
        }
    }

    private static int Fail(TextWriter error, IReadOnlyList<FieldError> errors)
    {
        error.WriteLine("invalid input:");
        WriteErrors(error, errors);
        return ExitBadInput;
    }

    private static void WriteErrors(TextWriter error, IReadOnlyList<FieldError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"  {e.Field}: {e.Message}");
        }
    }
}
