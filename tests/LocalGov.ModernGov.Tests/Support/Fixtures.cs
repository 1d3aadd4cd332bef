namespace LocalGov.ModernGov.Tests.Support;

/// <summary>Small hand-written bodies in the shapes (and with the quirks) real installs send.</summary>
internal static class Fixtures
{
    public const string Wards = """
        <?xml version="1.0" encoding="utf-8"?>
        <councillorsbyward>
          <wards>
            <ward>
              <wardtitle>Oban North &amp; Lorn</wardtitle>
              <councillors>
                <councillorcount> 2</councillorcount>
                <councillor>
                  <councillorid>500000103</councillorid>
                  <fullusername>Councillor Ann Example</fullusername>
                  <photosmallurl>http://www.example.gov.uk/mgimages/small.gif</photosmallurl>
                  <photobigurl>not a url</photobigurl>
                  <politicalpartytitle>Labour &amp;amp; Co-operative Party</politicalpartytitle>
                  <districttitle>
                  </districttitle>
                  <representing>Ward 5</representing>
                  <keyposts>
                  </keyposts>
                  <workaddress>
                  </workaddress>
                  <homeaddress>
                    <line1>&amp;quot;Tangmeer&amp;quot;, 45 Craigmore Road</line1>
                    <line2>Rothesay&amp;#39;s End</line2>
                    <postcode>PA20 9LB</postcode>
                    <email>ann@example.gov.uk</email>
                  </homeaddress>
                  <surgerydetails>
                    <line1>Every Saturday 10.00 am</line1>
                    <line2>
                    </line2>
                    <line3>Town Hall</line3>
                  </surgerydetails>
                  <termsofoffice>
                    <termofoffice>
                      <startdate>03/05/2012</startdate>
                      <enddate>unspecified</enddate>
                    </termofoffice>
                    <termofoffice>
                      <startdate>05/05/2008</startdate>
                      <enddate>02/05/2012</enddate>
                    </termofoffice>
                  </termsofoffice>
                  <additionalcontactinfo>Twitter @ann</additionalcontactinfo>
                </councillor>
                <councillor>
                  <councillorid>7</councillorid>
                  <fullusername>Vacancy</fullusername>
                  <politicalpartytitle>
                  </politicalpartytitle>
                </councillor>
              </councillors>
            </ward>
            <ward>
              <wardtitle>Empty Ward</wardtitle>
              <councillors>
                <councillorcount> 0</councillorcount>
              </councillors>
            </ward>
          </wards>
        </councillorsbyward>
        """;

    public const string EmptyWards = """
        <?xml version="1.0" encoding="utf-8"?>
        <councillorsbyward>
          <wards>
          </wards>
        </councillorsbyward>
        """;

    public const string Committees = """
        <?xml version="1.0" encoding="utf-8"?>
        <committees>
          <committeescount> 2</committeescount>
          <committee>
            <committeeid>312</committeeid>
            <committeetitle>Appointments &amp;amp; Audit</committeetitle>
            <committeedeleted>False</committeedeleted>
            <committeeexpired>True</committeeexpired>
            <committeecategory>Governance</committeecategory>
            <committeetype>Sub</committeetype>
          </committee>
          <committee>
            <committeeid>163</committeeid>
            <committeetitle>Art Galleries Committee</committeetitle>
            <committeedeleted>False</committeedeleted>
            <committeeexpired>maybe</committeeexpired>
            <committeecategory>
            </committeecategory>
          </committee>
        </committees>
        """;

    public const string MeetingsByCommittee = """
        <?xml version="1.0" encoding="utf-8"?>
        <getmeetings>
          <meetingscount> 3</meetingscount>
          <committeescount> 2</committeescount>
          <committee>
            <committeeid>144</committeeid>
            <committeetitle>Audit Committee</committeetitle>
            <committeemeetingcount> 2</committeemeetingcount>
            <committeemeetings>
              <meeting>
                <meetingid>4966</meetingid>
                <meetingdate>13/01/2026</meetingdate>
                <meetingstatus>Cancelled</meetingstatus>
                <meetingtime>10.00 am</meetingtime>
                <iswebcast>False</iswebcast>
              </meeting>
              <meeting>
                <meetingid>4967</meetingid>
                <meetingdate>10/02/2026</meetingdate>
                <meetingstatus>Confirmed; Rescheduled from 24 September 2026</meetingstatus>
                <meetingtime>2.00 pm</meetingtime>
                <iswebcast>True</iswebcast>
                <meetinglocation>Town Hall</meetinglocation>
                <agendapublished>True</agendapublished>
              </meeting>
            </committeemeetings>
          </committee>
          <committee>
            <committeeid>200</committeeid>
            <committeetitle>Council</committeetitle>
            <committeemeetingcount> 1</committeemeetingcount>
            <committeemeetings>
              <meeting>
                <meetingid>5000</meetingid>
                <meetingdate>01/03/2026</meetingdate>
                <meetingstatus>Confirmed</meetingstatus>
                <meetingtime>12.00 noon</meetingtime>
                <iswebcast>False</iswebcast>
              </meeting>
            </committeemeetings>
          </committee>
        </getmeetings>
        """;

    public const string MeetingsByDate = """
        <?xml version="1.0" encoding="utf-8"?>
        <getmeetingsbydate>
          <meetingscount> 2</meetingscount>
          <meetings>
            <meeting>
              <meetingid>1</meetingid>
              <meetingdate>02/01/2026</meetingdate>
              <meetingstatus>Confirmed</meetingstatus>
              <committeeid>10</committeeid>
              <committeetitle>Planning</committeetitle>
              <meetingtime>6.30 pm</meetingtime>
            </meeting>
            <meeting>
              <meetingid>2</meetingid>
              <meetingdate>03/01/2026</meetingdate>
              <meetingstatus>Confirmed</meetingstatus>
              <committeeid>11</committeeid>
            </meeting>
          </meetings>
        </getmeetingsbydate>
        """;

    public const string Meeting = """
        <?xml version="1.0" encoding="utf-8"?>
        <meeting>
          <meetingid>4967</meetingid>
          <meetingdate>10/02/2026</meetingdate>
          <meetingstatus>Confirmed</meetingstatus>
          <isdisplayallowed>True</isdisplayallowed>
          <meetingtime>10.00 am</meetingtime>
          <meetingactualstarttime>
          </meetingactualstarttime>
          <meetingplannedfinishtime>2.00 pm</meetingplannedfinishtime>
          <meetinglocation>Council Antechamber</meetinglocation>
          <iswebcast>False</iswebcast>
          <agendaid>4967</agendaid>
          <agendapublished>True</agendapublished>
          <decisionpublished>False</decisionpublished>
          <minutepublished>True</minutepublished>
          <meetingroom>
          </meetingroom>
          <agendaitems>
            <agendaitem>
              <agendaitemid>18831</agendaitemid>
              <agendaitemtitle>Minutes</agendaitemtitle>
              <agendatext>&lt;div class="WordSection1"&gt;
        &lt;p class="MsoNormal"&gt;&lt;span&gt;To approve the minutes &amp;amp; actions.&lt;/span&gt;&lt;/p&gt;
        &lt;p&gt;Second&amp;nbsp;paragraph&lt;/p&gt;&lt;/div&gt;
        </agendatext>
              <agendaitemnumber>0</agendaitemnumber>
              <fulldisplaynumberformat>1.</fulldisplaynumberformat>
              <declarationcount>0</declarationcount>
              <isrestricted>False</isrestricted>
              <meetingtime>10.00 am</meetingtime>
              <linkeddocuments>
                <linkeddoc>
                  <attachmentid>60860</attachmentid>
                  <title>Minutes 25 Nov 2025</title>
                  <isurl>False</isurl>
                  <url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=60860</url>
                  <isrestricted>False</isrestricted>
                  <restrictionsRef>
                  </restrictionsRef>
                  <itemnum>1</itemnum>
                  <publicationdate>02/02/2026</publicationdate>
                  <ownertitle>Minutes</ownertitle>
                </linkeddoc>
              </linkeddocuments>
            </agendaitem>
          </agendaitems>
          <attendees>
            <attendee membertype="U" memberid="192" name="Councillor Basil Example" roledescription="Chair" attendance="Expected" politicalparty="LAB" ward="Charlestown" keyposts="Chair of Scrutiny" substitute="no">
              <url>https://democracy.example.gov.uk/mgUserInfo.aspx?UID=192</url>
              <photosmallurl>https://democracy.example.gov.uk/small.jpg</photosmallurl>
            </attendee>
          </attendees>
        </meeting>
        """;

    public const string Election = """
        <?xml version="1.0" encoding="utf-8"?>
        <election>
          <candidatecount> 2</candidatecount>
          <electionid>397</electionid>
          <title>Batley East Ward by-election</title>
          <electiontype>Local</electiontype>
          <description>
          </description>
          <electorate>13279</electorate>
          <visiblity>Intranet and Internet</visiblity>
          <candidates>
            <candidate>
              <electionareaid>185</electionareaid>
              <candidatename>A Candidate</candidatename>
              <numvotes>70</numvotes>
              <politicalpartytitle>Green Party</politicalpartytitle>
              <votedatetime>19/04/2018, 10:52</votedatetime>
              <iselected>False</iselected>
            </candidate>
            <candidate>
              <electionareaid>185</electionareaid>
              <candidatename>B Candidate</candidatename>
              <numvotes>2640</numvotes>
              <iselected>True</iselected>
            </candidate>
          </candidates>
          <electionareas>
            <electionarea>
              <electionareaid>185</electionareaid>
              <title>Batley East</title>
              <numseats>1</numseats>
              <status>Published</status>
              <startvotedatetime>
              </startvotedatetime>
              <spoiledvotes>
                <spoiledvote>
                  <voteid>1744</voteid>
                  <description>B - voting for more candidates</description>
                  <numvotes>1</numvotes>
                  <updatedatetime>02/05/2025, 18:00</updatedatetime>
                </spoiledvote>
              </spoiledvotes>
            </electionarea>
          </electionareas>
        </election>
        """;
}
