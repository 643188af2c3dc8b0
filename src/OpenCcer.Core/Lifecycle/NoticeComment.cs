namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A comment received during a public notice, numbered from 1 in order of receipt, and the owner's answer
/// once given (<see cref="Answer"/> and <see cref="AnsweredOn"/> are both set or both null).
/// </summary>
public sealed record NoticeComment(int Number, Actor Author, DateOnly ReceivedOn, string Text, string? Answer, DateOnly? AnsweredOn)
{
    public bool IsAnswered => Answer is not null;
}
