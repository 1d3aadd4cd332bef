using UpcomingMeetings;

return await MeetingLister.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
