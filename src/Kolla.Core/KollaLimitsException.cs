namespace Kolla;

/// <summary>An environment variable meant to raise one of the <see cref="KollaLimits"/> holds no usable value.</summary>
internal sealed class KollaLimitsException(string message) : KollaException(message);
