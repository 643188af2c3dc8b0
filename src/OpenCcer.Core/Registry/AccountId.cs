using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>Identifies one account record; assigned by the ledger in sequence, starting at 1.</summary>
[JsonConverter(typeof(LongIdJsonConverter<AccountId>))]
public readonly record struct AccountId(long Value) : ILongId<AccountId>
{
    public static AccountId From(long value) => new(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
