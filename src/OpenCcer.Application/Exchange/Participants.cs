using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Application.Exchange;

/// <summary>Participants for reads outside the writer: a subject's trading account, and whose records a caller may read.</summary>
public static class Participants
{
    /// <summary>The participant id (trading account) of a subject from the projections, or null when it has none.</summary>
    public static async Task<long?> OfSubjectAsync(LedgerStore store, string? subjectId, CancellationToken ct) =>
        subjectId is null ? null : (await store.Registry.AccountsOfSubjectAsync(subjectId, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Trading)?.Id;

    /// <summary>The exchange operator and the regulator read every participant's cash and reports.</summary>
    public static bool ReadsEveryone(Caller caller) => caller.Role is Role.ExchangeOperator or Role.Regulator;

    /// <summary>
    /// The participant whose records an account holder may read: its own (<paramref name="named"/> null or its own
    /// id); another's is forbidden (<paramref name="whose"/> names the record).
    /// </summary>
    public static async Task<Outcome<long>> OwnAsync(LedgerStore store, Caller caller, long? named, string whose, CancellationToken ct)
    {
        var me = await OfSubjectAsync(store, caller.SubjectId, ct);
        if (me is null) return Refusals.Of(VenueStatus.NoTradingAccount);
        return named is null || named == me ? me.Value : Refusals.Forbidden($"This {whose} belongs to another subject.");
    }
}
