namespace InternetHospital.Domain.Patients;

public enum Sex
{
    Male = 1,
    Female = 2,
}
