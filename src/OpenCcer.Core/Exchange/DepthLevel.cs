using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>One price level of the board: the open quantity and the number of listings at that price.</summary>
public readonly record struct DepthLevel(PricePerTonne Price, Tonnes Quantity, int Listings);
