namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>Why a period's meter error has the value it has.</summary>
public enum MeterErrorBasis
{
    /// <summary>Ex-ante estimate: there is no meter yet, so nothing to correct.</summary>
    NotMetered = 0,

    /// <summary>Calibrated within the validity window and no error measured: no correction.</summary>
    CalibratedNoError = 1,

    /// <summary>Calibrated within the validity window; the measured error is applied.</summary>
    Measured = 2,

    /// <summary>Never calibrated (or only after the period): the class's maximum permissible error.</summary>
    Uncalibrated = 3,

    /// <summary>Last calibration older than the validity window at the period end: the class's maximum permissible error.</summary>
    CalibrationLate = 4,
}
