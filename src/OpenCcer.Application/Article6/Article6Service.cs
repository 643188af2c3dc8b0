using System.Globalization;
using OpenCcer.Application.Exports;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;
using OpenCcer.Storage.Exports;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Application.Article6;

/// <summary>
/// International transfers under Article 6 of the Paris Agreement. The registry administrator authorizes an
/// instrument (project × vintage) for international use; a holder then transfers authorized units to a
/// foreign registry: they leave this registry as a cancellation with purpose international transfer (so they
/// can never again be used at home: no ETS offset, no domestic cancellation), and the configured mitigation
/// share is cancelled with them. Ledger steps carry operation ids derived from the caller's.
/// </summary>
public sealed class Article6Service(LedgerStore store, RegistryEngine engine, Article6Rules rules, TimeProvider time)
{
    public const int TextLengthMax = 200;
    private readonly SemaphoreSlim gate = new(1, 1);

    public Article6Rules Rules => rules;

    public async Task<Article6Outcome<Authorization>> AuthorizeAsync(Instrument instrument, string reference, FirstTransfer firstTransfer,
        CancellationToken ct = default)
    {
        if (instrument.UnitClass != UnitClass.Ccer) return Article6Outcome<Authorization>.Refused(Article6Status.NotCcerUnits);
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > TextLengthMax) return Article6Outcome<Authorization>.Refused(Article6Status.TextRequired);
        if (!Enum.IsDefined(firstTransfer)) throw new ArgumentOutOfRangeException(nameof(firstTransfer));
        var authorization = new Authorization(instrument, reference, firstTransfer, EventJson.Timestamp(time.GetUtcNow()));
        if (await store.Compliance.AddAuthorizationAsync(authorization, ct)) return Article6Outcome<Authorization>.Ok(authorization);
        var existing = (await store.Compliance.AuthorizationAsync(instrument, ct))!;
        return existing.Reference == reference && existing.FirstTransfer == firstTransfer
            ? Article6Outcome<Authorization>.Ok(existing)
            : Article6Outcome<Authorization>.Refused(Article6Status.AuthorizedDifferently);
    }

    /// <summary>Transfers authorized units of <paramref name="subjectId"/>'s registry account to a foreign registry.</summary>
    public async Task<Article6Outcome<InternationalTransfer>> TransferAsync(string operationId, string subjectId, Instrument instrument, long tonnes,
        string acquiringParty, string foreignRegistry, CancellationToken ct = default)
    {
        if (tonnes <= 0 || tonnes > LedgerLimits.QuantityMax) return Article6Outcome<InternationalTransfer>.Refused(Article6Status.QuantityMustBePositive);
        if (string.IsNullOrWhiteSpace(acquiringParty) || acquiringParty.Length > TextLengthMax
            || string.IsNullOrWhiteSpace(foreignRegistry) || foreignRegistry.Length > TextLengthMax)
            return Article6Outcome<InternationalTransfer>.Refused(Article6Status.TextRequired);
        await gate.WaitAsync(ct);
        try
        {
            if (await store.Compliance.InternationalTransferAsync(operationId, ct) is { } done)
            {
                return done.ProjectCode == instrument.ProjectCode && done.Vintage == instrument.Vintage && done.Tonnes == tonnes
                    && done.AcquiringParty == acquiringParty && done.ForeignRegistry == foreignRegistry
                    ? Article6Outcome<InternationalTransfer>.Ok(done)
                    : Article6Outcome<InternationalTransfer>.Conflict();
            }
            var authorization = await store.Compliance.AuthorizationAsync(instrument, ct);
            if (authorization is null) return Article6Outcome<InternationalTransfer>.Refused(Article6Status.NotAuthorized);
            var account = (await store.Registry.AccountsOfSubjectAsync(subjectId, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Registry);
            if (account is null) return Article6Outcome<InternationalTransfer>.RefusedByLedger(LedgerStatus.AccountNotFound);
            var mitigation = rules.MitigationCancellation(tonnes);
            var holding = (await store.Registry.HoldingsAsync(account.Id, ct)).FirstOrDefault(h => h.ProjectCode == instrument.ProjectCode && h.Vintage == instrument.Vintage);
            if ((holding?.Available ?? 0) < checked(tonnes + mitigation)) return Article6Outcome<InternationalTransfer>.RefusedByLedger(LedgerStatus.InsufficientUnits);

            var transfer = await engine.SubmitAsync($"a6-transfer:{operationId}:0", new CancelUnits(new AccountId(account.Id), instrument, tonnes,
                CancellationPurpose.InternationalTransfer, $"{acquiringParty} ({foreignRegistry})", null), ct);
            if (transfer.IdempotencyConflict) return Article6Outcome<InternationalTransfer>.Conflict();
            if (!transfer.Result.IsOk) return Article6Outcome<InternationalTransfer>.RefusedByLedger(transfer.Status);
            string? mitigationCertificate = null;
            if (mitigation > 0)
            {
                var omge = await engine.SubmitAsync($"a6-transfer:{operationId}:1", new CancelUnits(new AccountId(account.Id), instrument, mitigation,
                    CancellationPurpose.OverallMitigation, "Overall mitigation in global emissions (Article 6)", null), ct);
                if (omge.IdempotencyConflict) return Article6Outcome<InternationalTransfer>.Conflict();
                if (!omge.Result.IsOk) return Article6Outcome<InternationalTransfer>.RefusedByLedger(omge.Status);
                mitigationCertificate = ((UnitsCancelled)omge.Result.Event!).CertificateNumber;
            }
            var cancelled = (UnitsCancelled)transfer.Result.Event!;
            // The first transfer has happened by now unless it is defined as the use or cancellation abroad.
            var adjustment = authorization.FirstTransfer == FirstTransfer.UseOrCancellation ? CorrespondingAdjustment.Pending : CorrespondingAdjustment.Applied;
            var record = new InternationalTransfer(operationId, instrument.ProjectCode, instrument.Vintage, tonnes, acquiringParty, foreignRegistry,
                adjustment, cancelled.CertificateNumber, mitigation, mitigationCertificate, EventJson.Timestamp(cancelled.At));
            await store.Compliance.AddInternationalTransferAsync(record, ct);
            return Article6Outcome<InternationalTransfer>.Ok(record);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The annual report of authorizations, actions and holdings in the layout of the Article 6 agreed electronic format.</summary>
    public async Task<IReadOnlyList<ExportTable>> AnnualReportAsync(int year, string reportingParty, SerialFormat format, CancellationToken ct = default)
    {
        var authorizations = await store.Compliance.AuthorizationsAsync(ct);
        var transfers = await store.Compliance.InternationalTransfersAsync(year, ct);
        var ranges = new Dictionary<string, IReadOnlyList<(long First, long Last)>>(StringComparer.Ordinal);
        foreach (var number in transfers.SelectMany(t => new[] { t.CertificateNumber, t.MitigationCertificateNumber }).OfType<string>())
        {
            var c = (await store.Registry.CancellationAsync(number, ct))!;
            ranges[number] = c.Ranges.Split(',').Select(r =>
            {
                var serials = r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..];
                var dash = serials.IndexOf('-', StringComparison.Ordinal);
                return (long.Parse(serials[..dash], CultureInfo.InvariantCulture), long.Parse(serials[(dash + 1)..], CultureInfo.InvariantCulture));
            }).ToList();
        }
        var held = new List<(Instrument Instrument, long Tonnes)>();
        var blocks = await PublicLists.BlocksAsync(store, ct);
        foreach (var a in authorizations)
        {
            var tonnes = blocks.Where(b => b.ProjectCode == a.Instrument.ProjectCode && b.Vintage == a.Instrument.Vintage && b.State != (int)UnitState.Cancelled)
                .Sum(b => checked(b.Last - b.First + 1));
            held.Add((a.Instrument, tonnes));
        }
        return Article6Report.Build(year, reportingParty, format, authorizations, transfers, ranges, held);
    }
}
