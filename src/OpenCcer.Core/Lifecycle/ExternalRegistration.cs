namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A registration of the project in another mechanism, declared by the owner on application.
/// <see cref="Active"/> is false when that registration has ended (withdrawn, deregistered or expired);
/// an active one bars CCER registration (M 9, 10).
/// </summary>
public sealed record ExternalRegistration(ExternalId Id, bool Active);
