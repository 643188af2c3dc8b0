using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Mangrove;

/// <summary>Input of CCER-14-002-V01: the common forestry part and the site facts.</summary>
public sealed record MangroveInput(ForestryInput Forest, MangroveLand Land);
