namespace OpenCcer.Core; internal static class Placeholder { }
