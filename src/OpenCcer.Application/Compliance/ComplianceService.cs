using System.Globalization;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Application.Compliance;

/// <summary>
/// The national ETS link (ETS Art. 29; M 28): key emitting units, verified emissions, allowance
/// allocation and surrender, CCER offsets. Allocations issue CEA units and surrenders cancel units through
/// the registry engine under operation ids derived from the caller's, so a retried action is applied once;
/// each cancellation is then linked to the compliance record. Actions are serialised.
/// </summary>
public sealed class ComplianceService(LedgerStore store, RegistryEngine engine, ComplianceRules rules, TimeProvider time,
    Func<CancellationToken, Task<IReadOnlySet<Instrument>>>? authorizedInstruments = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public ComplianceRules Rules => rules;

    private DateOnly Today() => ChinaClock.Today(time);

    private string Now() => EventJson.Timestamp(time.GetUtcNow());

    private async Task<Storage.Projections.AccountRow?> RegistryAccountAsync(string subjectId, CancellationToken ct) =>
        (await store.Registry.AccountsOfSubjectAsync(subjectId, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Registry);

    /// <summary>Registers a key emitting unit: the subject must hold a registry account of that holder type.</summary>
    public async Task<ComplianceOutcome<ComplianceEntity>> RegisterAsync(string subjectId, Sector sector, string province, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(sector)) throw new ArgumentOutOfRangeException(nameof(sector));
        var account = await RegistryAccountAsync(subjectId, ct);
        if (account is null) return ComplianceOutcome<ComplianceEntity>.RefusedByLedger(LedgerStatus.AccountNotFound);
        if (account.HolderType != (int)HolderType.KeyEmittingUnit) return ComplianceOutcome<ComplianceEntity>.Refused(ComplianceStatus.NotKeyEmittingUnit);
        var entity = new ComplianceEntity(subjectId, account.SubjectName, sector, province, Now());
        if (await store.Compliance.AddComplianceEntityAsync(entity, ct)) return ComplianceOutcome<ComplianceEntity>.Ok(entity);
        var existing = (await store.Compliance.ComplianceEntityAsync(subjectId, ct))!;
        return existing.Sector == sector && existing.Province == province
            ? ComplianceOutcome<ComplianceEntity>.Ok(existing)
            : ComplianceOutcome<ComplianceEntity>.Refused(ComplianceStatus.EntityExists);
    }

    /// <summary>Records the verified emissions of a period (the obligation). Recorded once; a repeat with the same figure is accepted.</summary>
    public async Task<ComplianceOutcome<ComplianceRecord>> RecordEmissionsAsync(string subjectId, int period, long tonnes, CancellationToken ct = default)
    {
        if (period is < Surrenders.PeriodMin or > Surrenders.PeriodMax) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.PeriodOutOfRange);
        if (tonnes < 0) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.QuantityMustBePositive);
        if (await store.Compliance.ComplianceEntityAsync(subjectId, ct) is null) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.EntityNotFound);
        if (!await store.Compliance.AddVerifiedEmissionsAsync(subjectId, period, tonnes, Now(), ct))
        {
            var current = await RecordAsync(subjectId, period, ct);
            if (current.VerifiedEmissions != tonnes) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.EmissionsAlreadyVerified);
        }
        return ComplianceOutcome<ComplianceRecord>.Ok(await RecordAsync(subjectId, period, ct));
    }

    /// <summary>Allocates CEA for a period into the entity's registry account (free allocation).</summary>
    public async Task<ComplianceOutcome<ComplianceRecord>> AllocateAsync(string operationId, string subjectId, int period, long tonnes, CancellationToken ct = default)
    {
        if (period is < Surrenders.PeriodMin or > Surrenders.PeriodMax) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.PeriodOutOfRange);
        if (tonnes <= 0) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.QuantityMustBePositive);
        if (await store.Compliance.ComplianceEntityAsync(subjectId, ct) is null) return ComplianceOutcome<ComplianceRecord>.Refused(ComplianceStatus.EntityNotFound);
        var account = await RegistryAccountAsync(subjectId, ct);
        if (account is null) return ComplianceOutcome<ComplianceRecord>.RefusedByLedger(LedgerStatus.AccountNotFound);
        var reference = string.Create(CultureInfo.InvariantCulture, $"CEA-{period}-{operationId}");
        var s = await engine.SubmitAsync("cea-allocate:" + operationId,
            new IssueUnits(reference, Instrument.Allowance(period), tonnes, new AccountId(account.Id)), ct);
        if (s.IdempotencyConflict) return ComplianceOutcome<ComplianceRecord>.Conflict();
        if (!s.Result.IsOk) return ComplianceOutcome<ComplianceRecord>.RefusedByLedger(s.Status);
        var issued = (UnitsIssued)s.Result.Event!;
        await store.Compliance.AddAllocationAsync(operationId, subjectId, period, tonnes, issued.Issuance.Value, Now(), ct);
        return ComplianceOutcome<ComplianceRecord>.Ok(await RecordAsync(subjectId, period, ct));
    }

    public async Task<ComplianceRecord> RecordAsync(string subjectId, int period, CancellationToken ct = default) =>
        (await store.Compliance.ComplianceRecordsAsync(subjectId, period, ct)).SingleOrDefault() ?? new ComplianceRecord(subjectId, period, null, 0, 0, 0);

    /// <summary>
    /// Surrenders allowances and CCER offsets for a period. The rules are checked first (offset share,
    /// ETS coverage, legacy units, Article 6 authorization, the obligation), then whether the units are
    /// available, then each line is cancelled in the ledger and linked to the record. A line the ledger
    /// refuses stops the surrender; lines already cancelled stay linked (they were really cancelled).
    /// </summary>
    public async Task<ComplianceOutcome<IReadOnlyList<SurrenderLine>>> SurrenderAsync(string operationId, string subjectId, SurrenderRequest request,
        CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var entity = await store.Compliance.ComplianceEntityAsync(subjectId, ct);
            if (entity is null) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.Refused(ComplianceStatus.EntityNotFound);
            var account = await RegistryAccountAsync(subjectId, ct);
            if (account is null) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.RefusedByLedger(LedgerStatus.AccountNotFound);
            var lines = Lines(request);
            var done = await store.Compliance.SurrenderLinesOfOperationAsync(operationId, ct);
            if (done.Count > 0 && !SameRequest(done, subjectId, request.Period, lines)) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.Conflict();
            if (done.Count < lines.Count)
            {
                if (done.Count == 0)
                {
                    var record = await RecordAsync(subjectId, request.Period, ct);
                    var projects = (await store.Compliance.OffsetProjectsAsync(ct)).ToDictionary(p => p.ProjectCode, StringComparer.Ordinal);
                    IReadOnlySet<Instrument> authorized = authorizedInstruments is null ? new HashSet<Instrument>() : await authorizedInstruments(ct);
                    var status = Surrenders.Decide(rules, record, request, projects, authorized, Today());
                    if (status != ComplianceStatus.Ok) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.Refused(status);
                    var holdings = await store.Registry.HoldingsAsync(account.Id, ct);
                    foreach (var group in lines.GroupBy(l => l.Instrument))
                    {
                        var available = holdings.FirstOrDefault(h => h.ProjectCode == group.Key.ProjectCode && h.Vintage == group.Key.Vintage)?.Available ?? 0;
                        if (available < group.Sum(l => l.Tonnes)) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.RefusedByLedger(LedgerStatus.InsufficientUnits);
                    }
                }
                var beneficiary = string.Create(CultureInfo.InvariantCulture, $"{entity.Name}, national ETS compliance period {request.Period}");
                for (var i = done.Count; i < lines.Count; i++)
                {
                    var (instrument, tonnes) = lines[i];
                    var purpose = instrument.UnitClass == UnitClass.Allowance ? CancellationPurpose.AllowanceSurrender : CancellationPurpose.NationalEtsOffset;
                    var s = await engine.SubmitAsync(string.Create(CultureInfo.InvariantCulture, $"ets-surrender:{operationId}:{i}"),
                        new CancelUnits(new AccountId(account.Id), instrument, tonnes, purpose, beneficiary, null), ct);
                    if (s.IdempotencyConflict) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.Conflict();
                    if (!s.Result.IsOk) return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.RefusedByLedger(s.Status);
                    var cancelled = (UnitsCancelled)s.Result.Event!;
                    await store.Compliance.AddSurrenderLineAsync(new SurrenderLine(operationId, i, subjectId, request.Period, instrument.UnitClass,
                        instrument.ProjectCode, instrument.Vintage, tonnes, cancelled.CertificateNumber, EventJson.Timestamp(cancelled.At)), ct);
                }
            }
            return ComplianceOutcome<IReadOnlyList<SurrenderLine>>.Ok(await store.Compliance.SurrenderLinesOfOperationAsync(operationId, ct));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The ledger cancellations a surrender makes, in order: allowances first, then each offset line.</summary>
    private static List<(Instrument Instrument, long Tonnes)> Lines(SurrenderRequest request)
    {
        var lines = new List<(Instrument, long)>();
        if (request.AllowanceTonnes > 0) lines.Add((request.AllowanceInstrument, request.AllowanceTonnes));
        lines.AddRange(request.Offsets.Select(o => (o.Instrument, o.Tonnes)));
        return lines;
    }

    private static bool SameRequest(List<SurrenderLine> done, string subjectId, int period, List<(Instrument Instrument, long Tonnes)> lines) =>
        done.Count <= lines.Count && done.All(d => d.SubjectId == subjectId && d.Period == period
            && lines[d.Line].Instrument == new Instrument(d.ProjectCode, d.Vintage) && lines[d.Line].Tonnes == d.Tonnes);
}
