using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Storage;

// Project and reduction lifecycles: current states as JSON documents with a version, and every
// transition as a row of the hash-chained lifecycle timeline, written in one transaction.
public sealed partial class LifecycleStore(LedgerStore db) : StoreAccess(db)
{
    private readonly SemaphoreSlim lifecycleWriter = new(1, 1);

    /// <summary>
    /// Stores a project's new state and appends its events. <paramref name="expectedVersion"/> 0 creates it.
    /// Returns false, writing nothing, when the stored version is not the expected one.
    /// </summary>
    public Task<bool> SaveProjectAsync(ProjectRecord r, int expectedVersion, IReadOnlyList<LifecycleEvent> events, DateTimeOffset at,
        CancellationToken ct = default) =>
        SaveStateAsync(expectedVersion, r.State.Id.ToString(), events, at, ct,
            """
            INSERT INTO projects (id, code, owner_subject, vvb_subject, province, methodology_code, title, phase, state, version, updated_at)
            VALUES (@id, @code, @owner, @vvb, @province, @methodology, @title, @phase, @state, @version, @at)
            """,
            """
            UPDATE projects SET vvb_subject = @vvb, phase = @phase, state = @state, version = @version, updated_at = @at
            WHERE id = @id AND version = @expected
            """,
            r.State.Id.ToString(), r.VvbSubjectId, r.State.Phase, r.State,
            ("@code", r.Code), ("@owner", r.OwnerSubjectId), ("@province", r.Province),
            ("@methodology", r.State.Description.MethodologyCode), ("@title", r.State.Description.Title));

    public Task<bool> SaveReductionAsync(ReductionRecord r, int expectedVersion, IReadOnlyList<LifecycleEvent> events, DateTimeOffset at,
        CancellationToken ct = default) =>
        SaveStateAsync(expectedVersion, r.State.Project.ToString(), events, at, ct,
            "INSERT INTO reductions (id, project_id, vvb_subject, phase, state, version, updated_at) VALUES (@id, @project, @vvb, @phase, @state, @version, @at)",
            "UPDATE reductions SET vvb_subject = @vvb, phase = @phase, state = @state, version = @version, updated_at = @at WHERE id = @id AND version = @expected",
            r.State.Id.ToString(), r.VvbSubjectId, r.State.Phase, r.State, ("@project", r.State.Project.ToString()));

    /// <summary>
    /// Inserts (<paramref name="expectedVersion"/> 0) or updates a state row with its id, VVB, phase, JSON state and
    /// version, plus <paramref name="parameters"/>, in the stream's transaction.
    /// </summary>
    private Task<bool> SaveStateAsync<TState>(int expectedVersion, string stream, IReadOnlyList<LifecycleEvent> events, DateTimeOffset at,
        CancellationToken ct, string insertSql, string updateSql, string id, string? vvbSubjectId, Enum phase, TState state,
        params (string Name, object? Value)[] parameters) =>
        SaveStreamAsync(expectedVersion, stream, events, at, ct, async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = expectedVersion == 0 ? insertSql : updateSql;
            Add(command, "@id", id);
            foreach (var (name, value) in parameters) Add(command, name, value);
            Add(command, "@vvb", vvbSubjectId);
            Add(command, "@phase", JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString()));
            Add(command, "@state", JsonSerializer.Serialize(state, LifecycleJson.Options));
            Add(command, "@version", expectedVersion + 1);
            Add(command, "@expected", expectedVersion);
            Add(command, "@at", EventJson.Timestamp(at));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        });

    private async Task<bool> SaveStreamAsync(int expectedVersion, string stream, IReadOnlyList<LifecycleEvent> events, DateTimeOffset at,
        CancellationToken ct, Func<DbConnection, DbTransaction, Task<bool>> writeState)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await lifecycleWriter.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (!await writeState(connection, transaction)) return false;
            var head = JournalHead.Genesis;
            await using (var last = connection.CreateCommand())
            {
                last.Transaction = transaction;
                last.CommandText = "SELECT seq, hash FROM lifecycle_events ORDER BY seq DESC LIMIT 1";
                await using var reader = await last.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct)) head = new JournalHead(reader.GetInt64(0), reader.GetString(1));
            }
            var recordedAt = EventJson.Timestamp(at);
            foreach (var e in events)
            {
                var kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(e.GetType().Name);
                var json = JsonSerializer.Serialize(e, e.GetType(), LifecycleJson.Options);
                var role = JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Actor.Role.ToString());
                string? organisation = e.Actor.Organisation.IsNone ? null : e.Actor.Organisation.ToString();
                var date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var link = head.Append(stream, LifecycleEventRecord.Request(role, organisation, date), kind, json, recordedAt);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO lifecycle_events (seq, stream, kind, actor_role, actor_org, event_date, reason, event, recorded_at, prev_hash, hash)
                    VALUES (@seq, @stream, @kind, @role, @org, @date, @reason, @event, @at, @prev, @hash)
                    """;
                Add(insert, "@seq", link.Sequence);
                Add(insert, "@stream", stream);
                Add(insert, "@kind", kind);
                Add(insert, "@role", role);
                Add(insert, "@org", organisation);
                Add(insert, "@date", date);
                Add(insert, "@reason", e.Reason);
                Add(insert, "@event", json);
                Add(insert, "@at", recordedAt);
                Add(insert, "@prev", link.PreviousHash);
                Add(insert, "@hash", link.Hash);
                await insert.ExecuteNonQueryAsync(ct);
                head = link.Head;
            }
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            lifecycleWriter.Release();
        }
    }

    private const string ProjectColumns = "state, code, owner_subject, vvb_subject, province, version";

    private static ProjectRecord ReadProject(DbDataReader r) => new(
        JsonSerializer.Deserialize<ProjectState>(r.GetString(0), LifecycleJson.Options)!,
        r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetInt32(5));

    private static ReductionRecord ReadReduction(DbDataReader r) => new(
        JsonSerializer.Deserialize<ReductionState>(r.GetString(0), LifecycleJson.Options)!,
        r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2));

    public async Task<ProjectRecord?> ProjectAsync(ProjectId id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {ProjectColumns} FROM projects WHERE id = @id", ReadProject, ct, ("@id", id.ToString()))).SingleOrDefault();

    /// <summary>Projects filtered by methodology, province and phase (snake_case), oldest first.</summary>
    public Task<List<ProjectRecord>> ProjectsAsync(string? methodology, string? province, string? phase, int limit, int offset,
        CancellationToken ct = default) =>
        ReadAsync($"""
            SELECT {ProjectColumns} FROM projects
            WHERE (CAST(@m AS text) IS NULL OR methodology_code = @m) AND (CAST(@p AS text) IS NULL OR province = @p) AND (CAST(@ph AS text) IS NULL OR phase = @ph)
            ORDER BY code LIMIT @limit OFFSET @offset
            """, ReadProject, ct, ("@m", methodology), ("@p", province), ("@ph", phase),
            ("@limit", Math.Clamp(limit, 1, PageSizeMax)), ("@offset", Math.Max(0, offset)));

    public async Task<int> ProjectCountAsync(CancellationToken ct = default) =>
        (await ReadAsync("SELECT COUNT(*) FROM projects", r => r.GetInt32(0), ct)).Single();

    public async Task<ReductionRecord?> ReductionAsync(ReductionId id, CancellationToken ct = default) =>
        (await ReadAsync("SELECT state, vvb_subject, version FROM reductions WHERE id = @id", ReadReduction, ct, ("@id", id.ToString()))).SingleOrDefault();

    public Task<List<ReductionRecord>> ReductionsOfProjectAsync(ProjectId project, CancellationToken ct = default) =>
        ReadAsync("SELECT state, vvb_subject, version FROM reductions WHERE project_id = @p ORDER BY updated_at", ReadReduction, ct, ("@p", project.ToString()));

    /// <summary>Reductions filtered by phase and by their project's methodology and province, oldest first.</summary>
    public Task<List<ReductionRecord>> ReductionsAsync(string? phase, int limit, int offset, CancellationToken ct = default,
        string? methodology = null, string? province = null) =>
        ReadAsync("""
            SELECT r.state, r.vvb_subject, r.version FROM reductions r JOIN projects p ON p.id = r.project_id
            WHERE (CAST(@ph AS text) IS NULL OR r.phase = @ph) AND (CAST(@m AS text) IS NULL OR p.methodology_code = @m)
              AND (CAST(@p AS text) IS NULL OR p.province = @p)
            ORDER BY r.updated_at LIMIT @limit OFFSET @offset
            """, ReadReduction, ct, ("@ph", phase), ("@m", methodology), ("@p", province),
            ("@limit", Math.Clamp(limit, 1, PageSizeMax)), ("@offset", Math.Max(0, offset)));

    private const string LifecycleEventColumns = "seq, stream, kind, actor_role, actor_org, event_date, reason, event, recorded_at, prev_hash, hash";

    private static LifecycleEventRecord ReadLifecycleEvent(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2),
        r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7),
        r.GetString(8), r.GetString(9), r.GetString(10));

    /// <summary>The public timeline of a project: its own and its reductions' events, in order.</summary>
    public Task<List<LifecycleEventRecord>> TimelineAsync(ProjectId project, CancellationToken ct = default) =>
        ReadAsync($"SELECT {LifecycleEventColumns} FROM lifecycle_events WHERE stream = @s ORDER BY seq", ReadLifecycleEvent, ct,
            ("@s", project.ToString()));

    /// <summary>Every lifecycle row in sequence order, a page at a time, for verification.</summary>
    public async IAsyncEnumerable<LifecycleEventRecord> ReadLifecycleEventsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        long after = 0;
        while (true)
        {
            var page = await ReadAsync($"SELECT {LifecycleEventColumns} FROM lifecycle_events WHERE seq > @after ORDER BY seq LIMIT 5000",
                ReadLifecycleEvent, ct, ("@after", after));
            foreach (var row in page) yield return row;
            if (page.Count < 5000) yield break;
            after = page[^1].Sequence;
        }
    }

    /// <summary>Every application ban imposed by a revocation.</summary>
    public Task<List<ApplicationBan>> BansAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT event FROM lifecycle_events WHERE kind = 'application_ban_imposed' ORDER BY seq",
            r => JsonSerializer.Deserialize<ApplicationBanImposed>(r.GetString(0), LifecycleJson.Options)!.Ban, ct);
}
