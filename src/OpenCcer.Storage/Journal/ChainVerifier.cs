namespace OpenCcer.Storage.Journal;

/// <summary>
/// Checks a journal's hash chain row by row, in stored order, and reports every break rather than stopping
/// at the first: a row whose sequence is not the next (a gap or a repeat), whose previous hash is not the
/// hash of the row before (a row removed or reordered), or whose hash does not match its contents (a row
/// changed). The one chain check of <c>ccer verify</c>, for every journal.
/// </summary>
public sealed class ChainVerifier(string journal)
{
    /// <summary>The last row checked (the genesis head before the first).</summary>
    public JournalHead Head { get; private set; } = JournalHead.Genesis;

    /// <summary>Checks <paramref name="link"/> against the row before it and adds what is wrong to <paramref name="problems"/>.</summary>
    public void Check(ChainLink link, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (link.Sequence != Head.Sequence + 1) problems.Add($"{journal} row {link.Sequence}: expected sequence {Head.Sequence + 1}.");
        if (link.PreviousHash != Head.Hash) problems.Add($"{journal} row {link.Sequence}: previous hash does not match row {Head.Sequence}.");
        if (!link.IsValid) problems.Add($"{journal} row {link.Sequence}: hash does not match its contents.");
        Head = link.Head;
    }
}
