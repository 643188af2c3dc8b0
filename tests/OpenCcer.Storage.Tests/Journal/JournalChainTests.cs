using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Tests.Journal;

/// <summary>The journal kernel: the one hash-chain append and the idempotency index every journal uses.</summary>
public sealed class JournalChainTests
{
    private const string At = "2026-03-02T02:00:00.0000000+00:00";

    private static ChainLink Next(JournalHead head, string operationId, string request = "r", string body = "{}") =>
        head.Append(operationId, RequestFingerprint.Of(new Request(request)), "kind", body, At);

    private sealed record Request(string Text);

    [Fact]
    public void appended_rows_number_from_one_and_each_links_to_the_hash_of_the_row_before()
    {
        var first = Next(JournalHead.Genesis, "a");
        var second = Next(first.Head, "b");

        Assert.Equal(1, first.Sequence);
        Assert.Equal(JournalHash.Genesis, first.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.True(first.Head.IsFollowedBy(second));
        Assert.False(JournalHead.Genesis.IsFollowedBy(second));
    }

    [Fact]
    public void the_row_hash_is_the_journal_hash_of_its_fields_so_stored_rows_keep_their_hashes()
    {
        var link = JournalHead.Genesis.Append("op-1", "req", "units_issued", "{\"a\":1}", At);

        Assert.Equal(JournalHash.Of(JournalHash.Genesis, 1, "op-1", "req", "units_issued", "{\"a\":1}", At), link.Hash);
        var entry = JournalEntry.Of(link);
        Assert.Equal(link, entry.Link);
        Assert.True(JournalHash.IsValid(entry));
    }

    [Fact]
    public void an_exchange_row_hashes_its_command_and_result_a_line_apart()
    {
        var link = JournalHead.Genesis.Append("op-1", "req", "place_order", Exchange.ExchangeJournalRow.Body("{\"c\":1}", "{\"r\":2}"), At);
        var row = Exchange.ExchangeJournalRow.Of(link, "{\"c\":1}", "{\"r\":2}");

        Assert.Equal(JournalHash.Of(JournalHash.Genesis, 1, "op-1", "req", "place_order", "{\"c\":1}\n{\"r\":2}", At), row.Hash);
        Assert.Equal(link, row.Link);
        Assert.Throws<ArgumentException>(() => Exchange.ExchangeJournalRow.Of(link, "{\"c\":1}", "{\"r\":3}"));
    }

    [Fact]
    public void an_operation_id_is_new_until_committed_then_a_replay_with_the_same_request_and_a_conflict_with_another()
    {
        var chain = new JournalChain();
        var link = Next(chain.Head, "a", request: "first");
        var same = RequestFingerprint.Of(new Request("first"));
        var other = RequestFingerprint.Of(new Request("second"));

        Assert.Equal(IdempotencyAnswer.New, chain.Answer("a", same));
        chain.Commit(link);

        Assert.Equal(IdempotencyAnswer.Replay(1), chain.Answer("a", same));
        Assert.Equal(IdempotencyAnswer.Conflict, chain.Answer("a", other));
        Assert.Equal(IdempotencyAnswer.New, chain.Answer("b", same));
        Assert.True(chain.Contains("a"));
        Assert.Equal(1, chain.Sequence);
        Assert.Equal(link.Head, chain.Head);
    }

    [Fact]
    public void rows_appended_but_not_committed_answer_nothing_and_move_nothing()
    {
        var chain = new JournalChain();
        _ = Next(chain.Head, "a");

        Assert.Equal(IdempotencyAnswer.New, chain.Answer("a", RequestFingerprint.Of(new Request("r"))));
        Assert.Equal(JournalHead.Genesis, chain.Head);
        Assert.Equal(0, chain.Sequence);
    }

    [Fact]
    public void a_commit_that_does_not_follow_the_head_throws_and_changes_nothing()
    {
        var chain = new JournalChain();
        var first = Next(chain.Head, "a");
        var second = Next(first.Head, "b");

        Assert.Throws<InvalidOperationException>(() => chain.Commit(second));
        Assert.Throws<InvalidOperationException>(() => chain.Commit([first, Next(JournalHead.Genesis, "c")]));
        Assert.Equal(JournalHead.Genesis, chain.Head);
        Assert.False(chain.Contains("a"));

        chain.Commit([first, second]);
        Assert.Equal(second.Head, chain.Head);
    }

    [Fact]
    public void replay_takes_rows_that_follow_and_refuses_a_changed_row_or_a_gap()
    {
        var first = Next(JournalHead.Genesis, "a");
        var second = Next(first.Head, "b");
        var third = Next(second.Head, "c");
        var chain = new JournalChain();

        Assert.True(chain.Replay(first));
        Assert.False(chain.Replay(third));
        Assert.False(chain.Replay(second with { Body = "{\"changed\":true}" }));
        Assert.Equal(first.Head, chain.Head);
        Assert.True(chain.Replay(second));
        Assert.True(chain.TryGetCommitted("b", out var b) && b.Sequence == 2);
    }
}
