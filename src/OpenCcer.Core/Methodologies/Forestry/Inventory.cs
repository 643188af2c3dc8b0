namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>A sample-plot inventory measured (ex-post) or modelled (ex-ante) on <see cref="Date"/>.</summary>
public sealed record Inventory(DateOnly Date, IReadOnlyList<TreeRecord> Trees);
