using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Server.Jobs;

namespace OpenCcer.Server.Imports;

/// <summary>
/// One monitoring file being read in the background: one step per row below the header and one for the summary.
/// Once done it holds either the rows (periods or trees) or the errors of the rows that could not be read, never
/// both (the import is all or nothing). Only the person or key that started it, <see cref="Starter"/>, sees it.
/// </summary>
public sealed class ImportJob(Guid id, ImportKind kind, string fileName, int rowsTotal, string starter, DateTimeOffset startedAt)
    : BackgroundJob(id, startedAt)
{
    private IReadOnlyList<PowerPeriod> periods = [];
    private IReadOnlyList<TreeRecord> trees = [];
    private IReadOnlyList<FieldError> rowErrors = [];

    public ImportKind Kind { get; } = kind;
    public string FileName { get; } = fileName;
    public string Starter { get; } = starter;

    /// <summary>Non-blank lines below the header.</summary>
    public int RowsTotal { get; } = rowsTotal;

    /// <summary>Each row is a step, the summary the last.</summary>
    public override int StepsTotal => RowsTotal + 1;

    public int RowsParsed => Math.Min(StepsDone, RowsTotal);

    public IReadOnlyList<PowerPeriod> Periods { get { lock (Gate) return periods; } }
    public IReadOnlyList<TreeRecord> Trees { get { lock (Gate) return trees; } }
    public IReadOnlyList<FieldError> RowErrors { get { lock (Gate) return rowErrors; } }

    internal void Finish(IReadOnlyList<PowerPeriod> readPeriods, IReadOnlyList<TreeRecord> readTrees, IReadOnlyList<FieldError> errors, DateTimeOffset at)
    {
        lock (Gate)
        {
            periods = readPeriods;
            trees = readTrees;
            rowErrors = errors;
            MarkDone(at);
        }
    }
}
