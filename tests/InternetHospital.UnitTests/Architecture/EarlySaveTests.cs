namespace InternetHospital.UnitTests.Architecture;

/// <summary>
/// One save per use case: the unit of work commits once after the handler returned, so a handler that fails half-way
/// leaves nothing behind. A handler that saves on its own commits part of its use case early. These files still do
/// (each for a reason of its own, to be taken out one by one); no other file of the Application project may start.
/// </summary>
public sealed class EarlySaveTests
{
    private static readonly HashSet<string> StillSavingEarly = new(StringComparer.Ordinal)
    {
        "Administration/CreateDepartment.cs",
        "Administration/SetDepartmentConditions.cs",
        "Administration/SetDoctorPhoto.cs",
        "Administration/UpdateDoctor.cs",
        "Appointments/BreakGlassReadAppointment.cs",
        "Appointments/CancelAppointment.cs",
        "Appointments/FollowUpBooking.cs",
        "Appointments/MarkNoShow.cs",
        "Appointments/RescheduleAppointment.cs",
        "Appointments/ReviewFollowUp.cs",
        "FamilyDoctors/Administration/CreateFamilyTeam.cs",
        "FamilyDoctors/Administration/CreateServicePackage.cs",
        "FamilyDoctors/Administration/UpdateFamilyTeam.cs",
        "FamilyDoctors/DeclineFamilyApplication.cs",
        "FamilyDoctors/MarkFamilyThreadRead.cs",
        "FamilyDoctors/StartFamilyThread.cs",
        "His/HisIdentityMatcher.cs",
        "Payments/ReconcilePayments.cs",
        "Payments/RecordProviderEvent.cs",
        "Payments/SimulatePayment.cs",
        "Renewals/SetPharmacistDuty.cs",
        "Results/ListMyResults.cs",
        "VideoVisits/Chat/SendVisitMessage.cs",
        "VideoVisits/CheckInForVisit.cs",
        "VideoVisits/Room/EnterVisitCall.cs",
        "VideoVisits/Room/JoinVisitRoom.cs",
        "Waitlist/JoinWaitlist.cs",
    };

    /// <summary>Where saving is the job: the unit of work itself and the port it saves through.</summary>
    private static readonly HashSet<string> Saves = new(StringComparer.Ordinal)
    {
        "Common/UnitOfWork.cs",
        "Common/Abstractions/IAppDbContext.cs",
    };

    [Fact]
    public void No_other_application_file_saves_before_the_unit_of_work_commits()
    {
        var sources = Path.Combine(UseCaseFileTests.RepositoryRoot(), "src", "InternetHospital.Application");
        var saving = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => File.ReadAllText(f).Contains(".SaveChangesAsync(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(sources, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        // Note: guards against a path that matches nothing, which would make the test pass vacuously.
        Assert.Contains("Common/UnitOfWork.cs", saving);
        var early = saving.Where(f => !Saves.Contains(f) && !StillSavingEarly.Contains(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(early.Count == 0, "These files call SaveChangesAsync; leave the commit to the unit of work:\n" + string.Join("\n", early));
    }
}
