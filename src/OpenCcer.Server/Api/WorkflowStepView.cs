using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>How the API shows one step of a workflow's history (an account application's, a maker-checker request's).</summary>
internal static class WorkflowStepView
{
    /// <summary>The step with its status named as a <typeparamref name="TStatus"/>, in snake case.</summary>
    public static object Of<TStatus>(WorkflowStep h) where TStatus : struct, Enum => new
    {
        h.Step,
        Status = RequestReader.Snake(Enum.ToObject(typeof(TStatus), h.Status).ToString()!),
        h.Actor,
        h.At,
        h.Note,
    };
}
