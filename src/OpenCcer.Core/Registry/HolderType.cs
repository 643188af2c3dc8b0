namespace OpenCcer.Core.Registry;

/// <summary>Who holds a registry account (Registry Rules, R 5-11). Values are stable: they are journaled.</summary>
public enum HolderType
{
    ProjectOwner = 1,
    KeyEmittingUnit = 2,
    OtherTradingSubject = 3,
    Vvb = 4,
    ProvincialDepartment = 5,
}
