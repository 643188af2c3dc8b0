namespace OpenCcer.Core.Exchange;

/// <summary>
/// Pairs of subjects known to be related (same group, common control), supplied as data by the
/// exchange operator. The relation is symmetric; a subject is not related to itself.
/// </summary>
public sealed class RelatedAccounts
{
    private readonly HashSet<(long, long)> _pairs = [];

    public static RelatedAccounts None { get; } = new([]);

    public RelatedAccounts(IEnumerable<(ParticipantId, ParticipantId)> pairs)
    {
        foreach (var (a, b) in pairs)
        {
            if (a != b)
            {
                _pairs.Add(Key(a, b));
            }
        }
    }

    public int Count => _pairs.Count;

    public bool AreRelated(ParticipantId a, ParticipantId b) => a != b && _pairs.Contains(Key(a, b));

    private static (long, long) Key(ParticipantId a, ParticipantId b) =>
        a.Value < b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
}
