using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpeedingReport.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Retention : Migration
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
                name: "attention_summaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RemoteId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attention_summaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_AnonymisedAt_ClosedAt",
                table: "reports",
                columns: new[] { "AnonymisedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_attention_summaries_Period",
                table: "attention_summaries",
                column: "Period",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attention_summaries");

            migrationBuilder.DropIndex(
                name: "IX_reports_AnonymisedAt_ClosedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "reports");
        }
    }
}
