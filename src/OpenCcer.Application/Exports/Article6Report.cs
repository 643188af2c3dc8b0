using System.Globalization;
using System.Text.Json;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Application.Exports;

/// <summary>
/// The annual Article 6 report in the layout of the agreed electronic format (AEF, decision 6/CMA.4):
/// table "authorizations", table "actions" (authorizations, first transfers and mitigation cancellations,
/// one row per serial block, with the acquiring party and the corresponding-adjustment status), and table
/// "holdings" (authorized units still held in this registry at the time of the report).
/// </summary>
public static class Article6Report
{
    public static readonly IReadOnlyList<string> ActionColumns =
    [
        "reporting_party", "year", "action_type", "action_date", "unique_identifier_first", "unique_identifier_last", "first_serial", "last_serial",
        "project_code", "vintage", "metric", "quantity_tco2e", "first_transfer_definition", "transferring_party", "acquiring_party",
        "foreign_registry", "purpose", "corresponding_adjustment", "authorization_reference", "certificate_number",
    ];

    private static string Snake(string s) => JsonNamingPolicy.SnakeCaseLower.ConvertName(s);

    public static IReadOnlyList<ExportTable> Build(int year, string party, SerialFormat format, IReadOnlyList<Authorization> authorizations,
        IReadOnlyList<InternationalTransfer> transfers, IReadOnlyDictionary<string, IReadOnlyList<(long First, long Last)>> ranges,
        IReadOnlyList<(Instrument Instrument, long Tonnes)> held)
    {
        var byInstrument = authorizations.ToDictionary(a => a.Instrument);
        var authorizationTable = new ExportTable("authorizations",
            ["reporting_party", "year", "authorization_reference", "project_code", "vintage", "first_transfer_definition", "authorized_at"],
            authorizations.Select(a => (IReadOnlyList<object?>)[party, year, a.Reference, a.Instrument.ProjectCode, a.Instrument.Vintage,
                Snake(a.FirstTransfer.ToString()), a.AuthorizedAt]).ToList());
        var actions = new List<IReadOnlyList<object?>>();
        foreach (var a in authorizations.Where(a => a.AuthorizedAt.StartsWith(year.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)))
        {
            actions.Add([party, year, "authorization", a.AuthorizedAt[..10], null, null, null, null, a.Instrument.ProjectCode, a.Instrument.Vintage,
                "tCO2e", null, Snake(a.FirstTransfer.ToString()), null, null, null, "ndc_and_oimp",
                Snake((a.AdjustedOnAuthorization ? CorrespondingAdjustment.Applied : CorrespondingAdjustment.Pending).ToString()), a.Reference, null]);
        }
        foreach (var t in transfers)
        {
            var instrument = new Instrument(t.ProjectCode, t.Vintage);
            var a = byInstrument[instrument];
            void Rows(string actionType, string certificate, string? acquiring, string? registry, string purpose)
            {
                foreach (var (first, last) in ranges[certificate])
                {
                    actions.Add([party, year, actionType, t.TransferredAt[..10], format.Render(instrument, first, first), format.Render(instrument, last, last),
                        first, last, t.ProjectCode, t.Vintage, "tCO2e", checked(last - first + 1), Snake(a.FirstTransfer.ToString()), party, acquiring,
                        registry, purpose, Snake(t.CorrespondingAdjustment.ToString()), a.Reference, certificate]);
                }
            }
            Rows("first_transfer", t.CertificateNumber, t.AcquiringParty, t.ForeignRegistry, "ndc");
            if (t.MitigationCertificateNumber is { } omge) Rows("cancellation", omge, null, null, "omge");
        }
        var holdings = new ExportTable("holdings",
            ["reporting_party", "year", "project_code", "vintage", "authorization_reference", "held_tco2e", "corresponding_adjustment"],
            held.Select(h => (IReadOnlyList<object?>)[party, year, h.Instrument.ProjectCode, h.Instrument.Vintage, byInstrument[h.Instrument].Reference, h.Tonnes,
                Snake((byInstrument[h.Instrument].AdjustedOnAuthorization ? CorrespondingAdjustment.Applied : CorrespondingAdjustment.Pending).ToString())]).ToList());
        return [authorizationTable, new ExportTable("actions", ActionColumns, actions), holdings];
    }
}
