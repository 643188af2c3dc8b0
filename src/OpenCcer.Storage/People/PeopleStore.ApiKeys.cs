using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

public sealed partial class PeopleStore
{
    public async Task SaveApiKeyAsync(string keyHash, string role, string? subjectId, string label, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (key_hash, role, subject_id, label) VALUES (@h, @r, @s, @l)
            ON CONFLICT (key_hash) DO UPDATE SET role = excluded.role, subject_id = excluded.subject_id, label = excluded.label
            """;
        Add(command, "@h", keyHash);
        Add(command, "@r", role);
        Add(command, "@s", subjectId);
        Add(command, "@l", label);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<(string Role, string? SubjectId, string Label)?> FindApiKeyAsync(string keyHash, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT role, subject_id, label FROM api_keys WHERE key_hash = @h";
        Add(command, "@h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
    }
}
