namespace SpeedingReport.Delivery;

/// <summary>Who a delivery is for.</summary>
public enum DeliveryKind
{
    /// <summary>The report, to the parish clerk or the district team.</summary>
    ToResponsibleBody,

    /// <summary>The confirmation, to the resident.</summary>
    ConfirmationToResident,
}
