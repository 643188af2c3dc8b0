namespace OpenCcer.Server.Api;

// Request bodies. Every field is nullable so that a missing field is reported by name rather than
// defaulted; numbers carry their unit in the name. JSON uses snake_case.

public sealed record GridFactorRequest(string? Grid, string? GridZh, int? Year, decimal? OmTco2PerMwh, decimal? BmTco2PerMwh,
    string? Status, string? Source);
