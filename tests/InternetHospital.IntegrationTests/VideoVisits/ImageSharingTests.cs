using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>The doctor shows the patient an image of their study during the call (issue 16): a reference over the hub.</summary>
public abstract class ImageSharingTests(ApiFactory factory)
{
    private const string Study = "1.2.826.0.1.3680043.8.498.1";
    private const string Series = "1.2.826.0.1.3680043.8.498.1.1";
    private const string Sop = "1.2.826.0.1.3680043.8.498.1.1.3";

    [Fact]
    public async Task The_doctor_in_the_call_shares_an_image_the_patient_receives_and_only_clinicians_in_the_call_can_share()
    {
        var (booked, doctor) = await VisitScenario.AdmittedAsync(factory);
        var id = booked.AppointmentId;

        await using var patientHub = VisitScenario.Hub(factory, booked.Patient.AccessToken);
        var shared = patientHub.Listen("imageShared");
        await patientHub.StartAsync();
        await patientHub.InvokeAsync<JsonElement>("JoinVisit", id);

        await using var doctorHub = VisitScenario.Hub(factory, doctor.AccessToken);
        await doctorHub.StartAsync();
        await doctorHub.InvokeAsync<JsonElement>("JoinVisit", id);

        // In the room but not in the call: nothing to share into.
        Assert.StartsWith("not_in_call", await VisitScenario.HubErrorAsync(() => doctorHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 1)));

        await doctorHub.InvokeAsync<JsonElement>("EnterCall", id, "doctor-peer");
        // Only DICOM UIDs and a frame number travel; anything else is refused before it reaches anyone.
        Assert.StartsWith("invalid", await VisitScenario.HubErrorAsync(() => doctorHub.InvokeAsync("ShareImage", id, "../../etc", Series, Sop, 1)));
        Assert.StartsWith("invalid", await VisitScenario.HubErrorAsync(() => doctorHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 0)));

        await doctorHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 2);
        var image = await shared.NextAsync();
        Assert.Equal(id, image.GetProperty("visitId").GetGuid());
        Assert.Equal(booked.Patient.PatientId, image.GetProperty("patientId").GetGuid());
        Assert.Equal(Study, image.GetProperty("studyInstanceUid").GetString());
        Assert.Equal(Series, image.GetProperty("seriesInstanceUid").GetString());
        Assert.Equal(Sop, image.GetProperty("sopInstanceUid").GetString());
        Assert.Equal(2, image.GetProperty("frame").GetInt32());
        Assert.Equal("Doctor", image.GetProperty("sharedByRole").GetString());

        // The patient, even in the call, does not share images into it.
        await patientHub.InvokeAsync<JsonElement>("EnterCall", id, "patient-peer");
        Assert.StartsWith("not_treating_doctor", await VisitScenario.HubErrorAsync(() => patientHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 1)));

        // Someone outside the visit learns nothing of it.
        var stranger = await VisitScenario.NewPatientAsync(factory);
        await using var strangerHub = VisitScenario.Hub(factory, stranger.AccessToken);
        await strangerHub.StartAsync();
        Assert.StartsWith("not_found", await VisitScenario.HubErrorAsync(() => strangerHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 1)));

        // The refused attempts reached nobody: the patient's next image is the doctor's next share.
        await doctorHub.InvokeAsync("ShareImage", id, Study, Series, Sop, 3);
        Assert.Equal(3, (await shared.NextAsync()).GetProperty("frame").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImageSharingTestsOnSqlite(SqliteApiFactory factory) : ImageSharingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class ImageSharingTestsOnPostgres(PostgresApiFactory factory) : ImageSharingTests(factory);
