namespace OpenCcer.Application;

/// <summary>
/// What kind of "no" a refusal is. The API answers each with one HTTP status (400, 403, 404, 409, 422, 503,
/// 401, 413); a page shows each next to its form. Ordered and stable: append, never renumber.
/// </summary>
public enum RefusalKind
{
    /// <summary>The input is malformed or out of range; <see cref="Refusal.Errors"/> names the fields.</summary>
    Invalid = 0,

    /// <summary>The caller may not do this (wrong role, another subject's account or project).</summary>
    Forbidden = 1,

    /// <summary>What the request names does not exist (or the caller may not know it does).</summary>
    NotFound = 2,

    /// <summary>A rule of the domain refuses it in the current state.</summary>
    Conflict = 3,

    /// <summary>The operation id was already used for a different request.</summary>
    Unprocessable = 4,

    /// <summary>The store or a calendar needed is not available; nothing was done.</summary>
    Unavailable = 5,

    /// <summary>Who is calling is not known (a failed sign-in).</summary>
    Unauthenticated = 6,

    /// <summary>The request is larger than its limit.</summary>
    TooLarge = 7,

    /// <summary>The content is not of a type accepted here (an upload's bytes, or the request's media type).</summary>
    UnsupportedMediaType = 8,
}
