using OpenCcer.Application.People;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>
/// The calls every kind of maker-checker request answers (<see cref="CancellationRequests"/>, <see cref="AccountStateRequests"/>):
/// one person requests, a different person of the same organisation confirms, either rejects.
/// </summary>
/// <typeparam name="TBody">What the request asks for, every field nullable so a missing one is named.</typeparam>
public interface IChangeRequests<in TBody>
{
    /// <summary>Records a request as <paramref name="person"/>; the same operation id with the same body returns the first.</summary>
    Task<Outcome<ChangeRequestResult>> RequestAsync(Person? person, TBody body, CancellationToken ct = default);

    /// <summary>Confirms a pending request (a person other than its initiator): the ledger carries it out.</summary>
    Task<Outcome<ChangeRequestResult>> ConfirmAsync(Person? person, Guid id, CancellationToken ct = default);

    /// <summary>Rejects (or, by its initiator, withdraws) a pending request.</summary>
    Task<Outcome<ChangeRequestResult>> RejectAsync(Person? person, Guid id, ReasonRequest body, CancellationToken ct = default);

    /// <summary>One request with its history (own organisation's unless registry or regulator).</summary>
    Task<Outcome<ChangeRequestResult>> GetAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default);

    /// <summary>Requests, newest first (own organisation's unless registry or regulator).</summary>
    Task<IReadOnlyList<ChangeRequestRecord>> ListAsync(Caller caller, Person? person, int? limit = null, int? offset = null,
        CancellationToken ct = default);
}
