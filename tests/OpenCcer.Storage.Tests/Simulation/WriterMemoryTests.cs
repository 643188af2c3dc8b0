using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Tests.Simulation;

/// <summary>The writer's batch step on its own; the simulation drives it through millions of random batches.</summary>
public sealed class WriterMemoryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static BatchCommand Command(string id, LedgerCommand command) => new(id, command, RequestFingerprint.Of(command));

    private static BatchCommand Open(string id, string subject) => Command(id, new OpenAccount(subject, "Subject " + subject, HolderType.ProjectOwner));

    [Fact]
    public void accepted_commands_get_rows_that_continue_the_chain_and_refused_ones_get_none()
    {
        var memory = new WriterMemory();
        var refused = Command("issue-nowhere", new IssueUnits("MR-1", new Instrument("P0001", 2024), 10, new AccountId(99)));
        var result = memory.Execute([Open("a", "S1"), refused, Open("b", "S2")], At);

        Assert.Equal([1L, 2L], result.Entries.Select(e => e.Sequence));
        Assert.Equal(JournalHash.Genesis, result.Entries[0].PreviousHash);
        Assert.Equal(result.Entries[0].Hash, result.Entries[1].PreviousHash);
        Assert.All(result.Entries, e => Assert.True(JournalHash.IsValid(e)));
        Assert.Equal([1L, null, 2L], result.Submissions.Select(s => s.Sequence));
        Assert.False(result.Submissions[1].Result.IsOk);
        Assert.Equal(0, memory.Sequence); // not durable yet

        memory.Commit(result.Entries);
        Assert.Equal(2, memory.Sequence);
        Assert.Equal(result.Entries[1].Hash, memory.HeadHash);
        Assert.True(memory.TryGetCommitted("b", out var b) && b.Sequence == 2);
    }

    [Fact]
    public void a_repeated_id_answers_as_a_replay_of_its_first_request_and_another_body_as_a_conflict()
    {
        var memory = new WriterMemory();
        var first = memory.Execute([Open("a", "S1"), Open("a", "S1"), Open("a", "S9")], At);
        Assert.Single(first.Entries);
        Assert.Equal((1L, false, false), (first.Submissions[0].Sequence!.Value, first.Submissions[0].Replayed, first.Submissions[0].IdempotencyConflict));
        Assert.Equal((1L, true, false), (first.Submissions[1].Sequence!.Value, first.Submissions[1].Replayed, first.Submissions[1].IdempotencyConflict));
        Assert.True(first.Submissions[2].IdempotencyConflict);
        memory.Commit(first.Entries);

        var later = memory.Execute([Open("a", "S1"), Open("a", "S9")], At.AddSeconds(1));
        Assert.Empty(later.Entries);
        Assert.True(later.Submissions[0].Replayed && later.Submissions[0].Sequence == 1);
        Assert.True(later.Submissions[1].IdempotencyConflict && later.Submissions[1].Sequence is null);
    }

    [Fact]
    public void rows_that_do_not_follow_the_head_are_neither_committed_nor_replayed()
    {
        var memory = new WriterMemory();
        var rows = memory.Execute([Open("a", "S1"), Open("b", "S2")], At).Entries;
        Assert.Throws<InvalidOperationException>(() => memory.Commit([rows[1]]));

        var loading = new WriterMemory();
        Assert.Throws<LedgerCorruptException>(() => loading.Replay(rows[1]));
        loading.Replay(rows[0]);
        Assert.Throws<LedgerCorruptException>(() => loading.Replay(rows[1] with { Hash = rows[0].Hash }));
        loading.Replay(rows[1]);
        Assert.Equal(memory.Ledger.StateHash(), loading.Ledger.StateHash());
        Assert.Equal(rows[1].Hash, loading.HeadHash);
    }
}
