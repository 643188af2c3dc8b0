namespace OpenCcer.Application.Registry;

/// <summary>An account's units of one instrument by state, with the serial blocks that hold them.</summary>
public sealed record HoldingView(string ProjectCode, int Vintage, long AvailableTonnes, long ReservedTonnes, long FrozenTonnes,
    long CancelledTonnes, IReadOnlyList<BlockView> Blocks);

/// <summary>
/// One serial block: its rendered serial range, both ends inclusive, its state (<c>available</c>,
/// <c>reserved</c>, ...) and the reservation or freeze that holds it (0 when none).
/// </summary>
public sealed record BlockView(string Serial, long FirstSerial, long LastSerial, long QuantityTonnes, string State, long IssuanceId, long Hold);
