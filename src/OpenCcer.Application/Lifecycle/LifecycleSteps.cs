namespace OpenCcer.Application.Lifecycle;

/// <summary>
/// What the project and reduction handlers share around a lifecycle step: the refusal of bad fields as a
/// finished task, and the steps that take one required text (comment, answer, reason).
/// </summary>
internal static class LifecycleSteps
{
    public static Task<Outcome<T>> Refused<T>(Fields fields) => Task.FromResult<Outcome<T>>(fields.Refusal());

    /// <summary>Refuses a missing <c>text</c>; otherwise takes the step with it.</summary>
    public static Task<Outcome<T>> WithTextAsync<T>(TextRequest body, Func<string, Task<Outcome<T>>> step)
    {
        var r = new Fields();
        var text = r.Required("text", body.Text);
        return r.HasErrors ? Refused<T>(r) : step(text);
    }
}
