namespace OpenCcer.Core.Primitives;

/// <summary>A typed identifier backed by a 64-bit number, serialised as a bare JSON number.</summary>
public interface ILongId<TSelf> where TSelf : struct, ILongId<TSelf>
{
    long Value { get; }

    static abstract TSelf From(long value);
}
