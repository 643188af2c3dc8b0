using System.Text.Json;

namespace OpenCcer.Storage.Journal;

/// <summary>
/// The one fingerprint of a write request, to tell a retry (same operation id, same request) from a
/// different request under a reused operation id: SHA-256 of the request's type name and its canonical
/// JSON (snake_case, enums by name, invariant numbers). Every engine computes it from the typed command
/// it is handed, never from text a door assembled, so two requests differ exactly when their commands do.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The canonical text of a command: its type name, then its JSON.</summary>
    public static string Canonical(object command) =>
        command.GetType().Name + JsonSerializer.Serialize(command, command.GetType(), EventJson.Options);

    public static string Of(object command) => JournalHash.OfRequest(Canonical(command));
}
