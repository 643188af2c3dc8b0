using System.Globalization;
using OpenCcer.Application.Exports;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Application.Article6;

/// <summary>
/// Article 6 as use cases: the registry administrator authorizes instruments for international use; a holder
/// (or the registry administrator for it) transfers authorized units abroad; the registry and the regulator read
/// the annual report. The API calls these; the rules of a transfer are <see cref="Article6Service"/>'s.
/// </summary>
public sealed class Article6UseCases(Article6Service article6)
{
    /// <summary>The first and last years of an annual report: the Paris Agreement's first NDC period on.</summary>
    public const int ReportYearMin = 2021;
    public const int ReportYearMax = 2100;

    /// <summary>Authorizes a project's vintage for international use; only the registry administrator does.</summary>
    public async Task<Outcome<Authorization>> AuthorizeAsync(Caller caller, AuthorizationRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var reference = r.Text("reference", body.Reference, Article6Service.TextLengthMax);
        var firstTransfer = r.Enum<FirstTransfer>("first_transfer", body.FirstTransfer);
        if (r.HasErrors) return r.Refusal();
        if (!caller.IsAdministrator) return Refusals.Forbidden("Only the registry administrator authorizes units for international use.");
        return RefusalOr(await article6.AuthorizeAsync(instrument, reference, firstTransfer, ct));
    }

    /// <summary>Transfers authorized units abroad: the holder itself, or the registry administrator.</summary>
    public async Task<Outcome<InternationalTransfer>> TransferAsync(Caller caller, InternationalTransferRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var subject = r.Text("subject_id", body.SubjectId, LedgerLimits.TextLengthMax);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var tonnes = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var party = r.Text("acquiring_party", body.AcquiringParty, Article6Service.TextLengthMax);
        var registry = r.Text("foreign_registry", body.ForeignRegistry, Article6Service.TextLengthMax);
        if (r.HasErrors) return r.Refusal();
        if (!caller.IsAdministrator && !caller.Owns(subject))
            return Refusals.Forbidden("Only the holder (or the registry administrator) transfers its units abroad.");
        return RefusalOr(await article6.TransferAsync(op, subject, instrument, tonnes, party, registry, ct), op);
    }

    /// <summary>
    /// The annual report in the AEF layout, for the registry and the regulator: XLSX with every table (the default),
    /// or one table (<paramref name="table"/>, "actions" by default) as CSV or JSON.
    /// </summary>
    public async Task<Outcome<ReportFile>> ReportAsync(Caller caller, int year, string reportingParty, SerialFormat serials, string? format,
        string? table, CancellationToken ct = default)
    {
        var r = new Fields();
        var fileFormat = format is null ? ExportFormat.Xlsx : r.Enum<ExportFormat>("format", format);
        if (year is < ReportYearMin or > ReportYearMax) r.Fail("year", $"From {ReportYearMin} (the Paris Agreement's first NDC period) to {ReportYearMax}.");
        if (r.HasErrors) return r.Refusal();
        if (!caller.IsRegistryOrRegulator) return Refusals.Forbidden("The registry and the regulator read the Article 6 report.");
        var tables = await article6.AnnualReportAsync(year, reportingParty, serials, ct);
        var y = year.ToString(CultureInfo.InvariantCulture);
        if (fileFormat == ExportFormat.Xlsx) return new ReportFile(XlsxTables.Write(tables), ExportWriter.ContentType(fileFormat), $"article6-aef-{y}.xlsx");
        var one = tables.FirstOrDefault(t => t.Name == (table ?? "actions"));
        if (one is null) return Refusals.Invalid("table", "One of: " + string.Join(", ", tables.Select(t => t.Name)) + ".");
        return new ReportFile(ExportWriter.Write(one, fileFormat), ExportWriter.ContentType(fileFormat),
            $"article6-aef-{y}-{one.Name}.{ExportWriter.Extension(fileFormat)}");
    }

    private static Outcome<T> RefusalOr<T>(Article6Outcome<T> outcome, string operationId = "") =>
        outcome.IsOk ? Outcome<T>.Ok(outcome.Value!)
        : Outcome<T>.No(outcome.IdempotencyConflict
            ? Refusals.IdempotencyConflict(operationId).WithDetail($"Operation '{operationId}' was used with another body; choose a new operation id.")
            : outcome.LedgerStatus is { } ledger ? Refusals.Of(ledger) : Refusals.Of(outcome.Status));
}
