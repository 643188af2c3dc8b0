namespace OpenCcer.Core.Registry;

/// <summary>
/// Every subject has exactly one registry account and one trading account bound to it 1:1.
/// Units in a trading account are "in trading"; units in a registry account are "held".
/// </summary>
public enum AccountKind
{
    Registry = 1,
    Trading = 2,
}
