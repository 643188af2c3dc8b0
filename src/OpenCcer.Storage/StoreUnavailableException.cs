namespace OpenCcer.Storage;

/// <summary>The store could not commit a batch; nothing of it was acknowledged. Retry with the same operation id.</summary>
public sealed class StoreUnavailableException(Exception inner)
    : Exception("The registry store could not commit the operation; retry it with the same operation id.", inner);
