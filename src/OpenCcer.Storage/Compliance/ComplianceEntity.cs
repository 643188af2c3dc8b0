using OpenCcer.Core.Compliance;

namespace OpenCcer.Storage.Compliance;

/// <summary>A key emitting unit under the national ETS: its registry subject, sector and province.</summary>
public sealed record ComplianceEntity(string SubjectId, string Name, Sector Sector, string Province, string RegisteredAt);
