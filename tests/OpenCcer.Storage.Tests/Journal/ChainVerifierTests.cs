using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Tests.Journal;

/// <summary>The one chain check of every journal: breaks are reported, every one, with the row they are in.</summary>
public sealed class ChainVerifierTests
{
    private static List<ChainLink> Chain(int rows)
    {
        var links = new List<ChainLink>();
        var head = JournalHead.Genesis;
        for (var i = 1; i <= rows; i++)
        {
            var link = head.Append("op-" + i, "req-" + i, "kind", "{\"n\":" + i + "}", "2026-03-02T02:00:00.0000000+00:00");
            links.Add(link);
            head = link.Head;
        }
        return links;
    }

    private static (List<string> Problems, JournalHead Head) Verify(IEnumerable<ChainLink> links)
    {
        var problems = new List<string>();
        var verifier = new ChainVerifier("Journal");
        foreach (var link in links) verifier.Check(link, problems);
        return (problems, verifier.Head);
    }

    [Fact]
    public void a_sound_chain_has_no_problems_and_ends_at_its_last_row()
    {
        var links = Chain(4);
        var (problems, head) = Verify(links);

        Assert.Empty(problems);
        Assert.Equal(links[^1].Head, head);
    }

    [Fact]
    public void an_empty_chain_ends_at_genesis()
    {
        var (problems, head) = Verify([]);

        Assert.Empty(problems);
        Assert.Equal(JournalHead.Genesis, head);
    }

    [Fact]
    public void a_changed_row_is_found_by_its_hash()
    {
        var links = Chain(4);
        links[1] = links[1] with { Body = "{\"n\":99}" };

        var (problems, _) = Verify(links);

        Assert.Equal(["Journal row 2: hash does not match its contents."], problems);
    }

    [Fact]
    public void a_broken_link_is_found_by_the_previous_hash()
    {
        var links = Chain(4);
        // Row 3 rewritten consistently on another predecessor: its own hash matches, its link does not.
        var forged = new JournalHead(2, new string('f', 64)).Append(links[2].OperationId, links[2].RequestHash, links[2].Kind, links[2].Body, links[2].RecordedAt);
        links[2] = forged;

        var (problems, _) = Verify(links);

        Assert.Contains("Journal row 3: previous hash does not match row 2.", problems);
        Assert.Contains("Journal row 4: previous hash does not match row 3.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("hash does not match its contents", StringComparison.Ordinal));
    }

    [Fact]
    public void a_gap_is_found_by_the_sequence_and_the_link()
    {
        var links = Chain(4);
        links.RemoveAt(2);

        var (problems, _) = Verify(links);

        Assert.Equal(["Journal row 4: expected sequence 3.", "Journal row 4: previous hash does not match row 2."], problems);
    }
}
