using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpeedingReport.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_actions_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_actions_ReportId_At",
                table: "staff_actions",
                columns: new[] { "ReportId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_actions");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "reports");
        }
    }
}
