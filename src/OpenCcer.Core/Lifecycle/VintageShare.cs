using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

/// <summary>The part of a monitoring period that falls in one calendar year (the vintage), and its tonnes.</summary>
public sealed record VintageShare(int Vintage, MonitoringPeriod Part, Tonnes Quantity);
