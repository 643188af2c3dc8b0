using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Afforestation;

/// <summary>Input of CCER-14-001-V01: the common forestry part and the land facts.</summary>
public sealed record AfforestationInput(ForestryInput Forest, AfforestationLand Land);
