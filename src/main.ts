/** Boot: mount the shell (it probes the hardware and routes). */
import './app/shell';
