using System.Data.Common;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Storage;

// Article 6: authorizations of instruments for international use and transfers to foreign registries.
public sealed partial class ComplianceStore
{
    /// <summary>Records an authorization; false when the instrument is already authorized.</summary>
    public async Task<bool> AddAuthorizationAsync(Authorization a, CancellationToken ct = default) =>
        await ExecuteAsync("""
            INSERT INTO a6_authorizations (project_code, vintage, reference, first_transfer, authorized_at) VALUES (@c, @v, @r, @f, @at)
            ON CONFLICT (project_code, vintage) DO NOTHING
            """, ct, ("@c", a.Instrument.ProjectCode), ("@v", a.Instrument.Vintage), ("@r", a.Reference), ("@f", (int)a.FirstTransfer),
            ("@at", a.AuthorizedAt)) == 1;

    private static Authorization ReadAuthorization(DbDataReader r) =>
        new(new Instrument(r.GetString(0), r.GetInt32(1)), r.GetString(2), (FirstTransfer)r.GetInt32(3), r.GetString(4));

    public Task<List<Authorization>> AuthorizationsAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT project_code, vintage, reference, first_transfer, authorized_at FROM a6_authorizations ORDER BY project_code, vintage",
            ReadAuthorization, ct);

    public async Task<Authorization?> AuthorizationAsync(Instrument instrument, CancellationToken ct = default) =>
        (await ReadAsync("SELECT project_code, vintage, reference, first_transfer, authorized_at FROM a6_authorizations WHERE project_code = @c AND vintage = @v",
            ReadAuthorization, ct, ("@c", instrument.ProjectCode), ("@v", instrument.Vintage))).SingleOrDefault();

    /// <summary>Instruments whose units are adjusted from authorization on, and so barred from domestic offsetting.</summary>
    public async Task<IReadOnlySet<Instrument>> OffsetBarredInstrumentsAsync(CancellationToken ct = default) =>
        (await AuthorizationsAsync(ct)).Where(a => a.AdjustedOnAuthorization).Select(a => a.Instrument).ToHashSet();

    public Task<int> AddInternationalTransferAsync(InternationalTransfer t, CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO a6_transfers (operation_id, project_code, vintage, tonnes, acquiring_party, foreign_registry, corresponding_adjustment,
                certificate_number, omge_tonnes, omge_certificate_number, transferred_at)
            VALUES (@o, @c, @v, @t, @p, @r, @ca, @n, @ot, @on, @at) ON CONFLICT (operation_id) DO NOTHING
            """, ct, ("@o", t.OperationId), ("@c", t.ProjectCode), ("@v", t.Vintage), ("@t", t.Tonnes), ("@p", t.AcquiringParty),
            ("@r", t.ForeignRegistry), ("@ca", (int)t.CorrespondingAdjustment), ("@n", t.CertificateNumber), ("@ot", t.MitigationTonnes),
            ("@on", t.MitigationCertificateNumber), ("@at", t.TransferredAt));

    private const string TransferColumns = """
        operation_id, project_code, vintage, tonnes, acquiring_party, foreign_registry, corresponding_adjustment, certificate_number,
        omge_tonnes, omge_certificate_number, transferred_at
        """;

    private static InternationalTransfer ReadTransfer(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3),
        r.GetString(4), r.GetString(5), (CorrespondingAdjustment)r.GetInt32(6), r.GetString(7), r.GetInt64(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.GetString(10));

    public async Task<InternationalTransfer?> InternationalTransferAsync(string operationId, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {TransferColumns} FROM a6_transfers WHERE operation_id = @o", ReadTransfer, ct, ("@o", operationId))).SingleOrDefault();

    /// <summary>Transfers abroad recorded in a calendar year (UTC timestamps starting with the year), oldest first.</summary>
    public Task<List<InternationalTransfer>> InternationalTransfersAsync(int? year, CancellationToken ct = default) =>
        ReadAsync($"SELECT {TransferColumns} FROM a6_transfers WHERE CAST(@y AS text) IS NULL OR transferred_at LIKE @y ORDER BY transferred_at, operation_id",
            ReadTransfer, ct, ("@y", year is null ? null : year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-%"));
}
