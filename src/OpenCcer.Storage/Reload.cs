namespace OpenCcer.Storage;

/// <summary>Rebuilding a writer's memory from the store after a failed commit, which may in fact have landed.</summary>
internal static class Reload
{
    /// <summary>Runs <paramref name="load"/> until it succeeds, backing off up to a second between 50 retries.</summary>
    public static async Task UntilLoadedAsync(Func<CancellationToken, Task> load)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await load(CancellationToken.None);
                return;
            }
            catch (Exception) when (attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt + 1, 10)));
            }
        }
    }
}
