using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>
/// Cancellations with four eyes: one person of the holder requests it (the units are reserved at once),
/// a different person of the same organisation confirms it (the reserved units are cancelled and a
/// certificate is numbered) or rejects it (the reservation is released). The API and the portal call these.
/// </summary>
public sealed class CancellationRequests(LedgerStore store, RegistryEngine engine, TimeProvider time) : IChangeRequests<CancellationRequestBody>
{
    private readonly ChangeRequestSaga saga = new(store, engine, time);

    /// <summary>What a cancellation request asks for, as checked: its fingerprint tells a retry from another request under the same operation id.</summary>
    private sealed record Terms(long AccountId, string ProjectCode, int Vintage, long QuantityTonnes, CancellationPurpose Purpose, string Beneficiary);

    /// <summary>Requests a cancellation as <paramref name="person"/>; the units are reserved under the request.</summary>
    public async Task<Outcome<ChangeRequestResult>> RequestAsync(Person? person, CancellationRequestBody body, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var accountId = r.Required("account_id", body.AccountId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var purpose = r.Enum<CancellationPurpose>("purpose", body.Purpose);
        var beneficiary = r.Required("beneficiary", body.Beneficiary);
        if (purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial)
            r.Fail("purpose", "Forced and judicial cancellations are the registry's, not a holder's request.");
        if (r.HasErrors) return r.Refusal();
        if (person is null) return Refusals.Of(WorkflowStatus.PersonRequired);
        var account = await store.Registry.AccountAsync(accountId, ct);
        if (account is null) return Refusals.Of(LedgerStatus.AccountNotFound, $"No account {accountId}.");
        if (account.SubjectId != person.SubjectId) return Refusals.Of(WorkflowStatus.OtherOrganisation, "The account belongs to another subject.");
        if (account.Kind != (int)AccountKind.Registry)
            return Refusals.Of(LedgerStatus.AccountKindWrong, "Units are cancelled from the registry account; move them back from trading first.");

        var now = time.GetUtcNow();
        var fingerprint = RequestFingerprint.Of(new Terms(accountId, instrument.ProjectCode, instrument.Vintage, quantity, purpose, beneficiary));
        var added = await saga.AddAsync(new ChangeRequestRecord(Guid.CreateVersion7(now).ToString(), person.OrganisationId, op, fingerprint,
            ChangeRequestKind.Cancellation, accountId, instrument.ProjectCode, instrument.Vintage, quantity, (int)purpose, beneficiary, null,
            $"Cancellation for {beneficiary}", null, ChangeRequestStatus.Reserving, person.UserId, Stamp.Of(now), null, null, null), ct);
        if (!added.IsOk) return added.Refusal!;
        var (stored, created) = added.Value;
        if (stored.Status == ChangeRequestStatus.Reserving)
        {
            var (reserved, _, refused, refusal) = await LedgerStep.SubmitAsync(engine, $"change-{stored.Id}-reserve",
                new ReserveUnits(new AccountId(accountId), instrument, quantity, $"cancellation request {stored.Id}"), ct);
            if (refused is { } status)
                await store.Workflow.MarkRefusedAsync(stored.Id, person.UserId, time.GetUtcNow(), $"The ledger refused to reserve the units: {status}.", ct);
            if (refusal is not null) return refusal;
            await store.Workflow.MarkReservedAsync(stored.Id, ((UnitsReserved)reserved!).Reservation.Value, person.UserId, time.GetUtcNow(), ct);
        }
        return await saga.ResultAsync(stored.Id, created, ct);
    }

    /// <summary>Confirms a pending request (a person other than its initiator): the reserved units are cancelled.</summary>
    public Task<Outcome<ChangeRequestResult>> ConfirmAsync(Person? person, Guid id, CancellationToken ct = default) =>
        saga.DecideAsync(person, ChangeRequestKind.Cancellation, id, ChangeRequestStatus.Confirmed, null,
            q => new CancelUnits(new AccountId(q.AccountId), new Instrument(q.ProjectCode!, q.Vintage!.Value), q.Quantity!.Value,
                (CancellationPurpose)q.Purpose!.Value, q.Beneficiary!, new ReservationId(q.ReservationId!.Value)),
            (e, _) => Cancelled(((UnitsCancelled)e).CertificateNumber), ct);

    /// <summary>Rejects (or, by its initiator, withdraws) a pending request: the reserved units are released.</summary>
    public Task<Outcome<ChangeRequestResult>> RejectAsync(Person? person, Guid id, ReasonRequest body, CancellationToken ct = default) =>
        saga.RejectAsync(person, ChangeRequestKind.Cancellation, id, body,
            q => new ReleaseReservation(new ReservationId(q.ReservationId!.Value), null),
            (e, _) => new ChangeRequestSaga.Done($"Reservation {((ReservationReleased)e).Reservation.Value} released."), ct);

    /// <summary>One request with its history (own organisation's unless registry or regulator).</summary>
    public Task<Outcome<ChangeRequestResult>> GetAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default) =>
        saga.GetAsync(caller, person, ChangeRequestKind.Cancellation, id, ct);

    /// <summary>Requests, newest first (own organisation's unless registry or regulator).</summary>
    public Task<IReadOnlyList<ChangeRequestRecord>> ListAsync(Caller caller, Person? person, int? limit = null, int? offset = null,
        CancellationToken ct = default) =>
        saga.ListAsync(caller, person, ChangeRequestKind.Cancellation, limit, offset, ct);

    private static ChangeRequestSaga.Done Cancelled(string certificateNumber) => new($"Cancelled: certificate {certificateNumber}.", certificateNumber);
}
