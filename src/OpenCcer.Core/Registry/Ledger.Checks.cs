using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenCcer.Core.Registry;

// Checks: invariants and the state hash. Used by tests after every step and by `ccer verify`.
public sealed partial class Ledger
{
    /// <summary>Where the units of each issuance are now.</summary>
    public IReadOnlyDictionary<IssuanceId, UnitBalance> Balances()
    {
        var sums = issuances.Keys.ToDictionary(id => id, _ => new long[5]);
        foreach (var b in blocks)
        {
            var slot = b.State switch
            {
                UnitState.Available => accounts[b.Account].Kind == AccountKind.Registry ? 0 : 1,
                UnitState.Reserved => 2,
                UnitState.Frozen => 3,
                _ => 4,
            };
            sums[b.Issuance][slot] = checked(sums[b.Issuance][slot] + b.Count);
        }
        return sums.ToDictionary(
            kv => kv.Key,
            kv => new UnitBalance(issuances[kv.Key].Quantity.Value, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4]));
    }

    /// <summary>
    /// Every invariant violation found, in words; empty when the ledger is sound. Checks conservation
    /// per issuance, disjoint and covering blocks, holding counts, reservations and freezes.
    /// </summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        foreach (var (id, balance) in Balances())
        {
            if (!balance.IsConserved) problems.Add($"Issuance {id}: units not conserved ({balance}).");
        }
        foreach (var group in blocks.GroupBy(b => b.Issuance))
        {
            if (!issuances.TryGetValue(group.Key, out var issuance))
            {
                problems.Add($"Blocks refer to unknown issuance {group.Key}.");
                continue;
            }
            var next = issuance.First;
            foreach (var b in group.OrderBy(b => b.First))
            {
                if (b.First != next || b.Last < b.First)
                    problems.Add($"Issuance {issuance.Id}: block {b.Id} starts at {b.First}, expected {next}.");
                next = b.Last + 1;
            }
            if (next != issuance.Last + 1) problems.Add($"Issuance {issuance.Id}: blocks end at {next - 1}, expected {issuance.Last}.");
        }
        foreach (var h in holdings)
        {
            var all = h.AllLists().SelectMany(l => l).ToList();
            foreach (var state in Enum.GetValues<UnitState>())
            {
                var sum = all.Where(b => b.State == state).Sum(b => b.Count);
                if (sum != h.Count(state)) problems.Add($"Holding {h.Account}/{h.Instrument}: {state} is {h.Count(state)}, blocks hold {sum}.");
            }
            foreach (var list in h.AllLists())
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var b = list[i];
                    if (b.Account != h.Account || b.Instrument != h.Instrument || blocks.ListOf(b.Id) != list)
                        problems.Add($"Holding {h.Account}/{h.Instrument} lists block {b.Id} that the block table places elsewhere.");
                    if (list != ListOf(h, b.State, b.Hold)) problems.Add($"Holding {h.Account}/{h.Instrument}: block {b.Id} is in the wrong list.");
                    if (i > 0 && list[i - 1].Last >= b.First) problems.Add($"Holding {h.Account}/{h.Instrument} blocks overlap or are unsorted.");
                }
            }
        }
        var listed = holdings.Sum(h => (long)h.BlockCount);
        if (listed != blocks.Count) problems.Add($"{blocks.Count} blocks exist but holdings list {listed}.");
        foreach (var r in reservations.View)
        {
            var held = HeldBy(r.Account, r.Instrument, UnitState.Reserved, r.Id.Value);
            if (held != r.Remaining) problems.Add($"Reservation {r.Id}: remaining {r.Remaining}, blocks hold {held}.");
        }
        foreach (var f in freezes.Values)
        {
            var held = HeldBy(f.Account, f.Instrument, UnitState.Frozen, f.Id.Value);
            var expected = f.LiftedAt is null ? f.Quantity : 0;
            if (held != expected) problems.Add($"Freeze {f.Id}: expected {expected} frozen, blocks hold {held}.");
        }
        foreach (var c in cancellations.Values)
        {
            var held = HeldBy(c.Account, c.Instrument, UnitState.Cancelled, c.Id.Value);
            if (held != c.Quantity.Value) problems.Add($"Cancellation {c.Id}: quantity {c.Quantity.Value}, blocks hold {held}.");
        }
        return problems;
    }

    private long HeldBy(AccountId account, Instrument instrument, UnitState state, long hold) =>
        FindHolding(account, instrument) is { } h
            ? ((IEnumerable<Block>?)ListOf(h, state, hold) ?? []).Where(b => b.State == state && b.Hold == hold).Sum(b => b.Count)
            : 0;

    /// <summary>
    /// SHA-256 (lower-case hex) of the whole ledger in a canonical order. Two ledgers with the same
    /// history have the same hash; replaying the journal must reproduce it.
    /// </summary>
    public string StateHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        void Add(FormattableString text)
        {
            line.Clear().Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        foreach (var a in accounts.View.OrderBy(a => a.Id.Value))
            Add($"A|{a.Id}|{a.Kind}|{a.Pair}|{a.SubjectId}|{a.SubjectName}|{a.HolderType}|{a.State}|{a.FreezeReference}|{a.OpenedAt:O}");
        foreach (var i in issuances.Values.OrderBy(i => i.Id.Value))
            Add($"I|{i.Id}|{i.Reference}|{i.Instrument}|{i.First}|{i.Last}|{i.Account}|{i.IssuedAt:O}");
        foreach (var b in blocks)
            Add($"B|{b.Id}|{b.Issuance}|{b.First}|{b.Last}|{b.Account}|{b.State}|{b.Hold}");
        foreach (var r in reservations.View.OrderBy(r => r.Id.Value))
            Add($"R|{r.Id}|{r.Account}|{r.Instrument}|{r.Purpose}|{r.Quantity}|{r.Remaining}|{r.CreatedAt:O}");
        foreach (var f in freezes.Values.OrderBy(f => f.Id.Value))
            Add($"F|{f.Id}|{f.Account}|{f.Instrument}|{f.AuthorityReference}|{f.Quantity}|{f.FrozenAt:O}|{f.LiftedAt:O}");
        foreach (var c in cancellations.Values.OrderBy(c => c.Id.Value))
            Add($"C|{c.Id}|{c.CertificateNumber}|{c.Account}|{c.Instrument}|{c.Purpose}|{c.Beneficiary}|{string.Join(',', c.Ranges.Select(r => $"{r.Issuance}:{r.First}-{r.Last}"))}|{c.CancelledAt:O}");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
