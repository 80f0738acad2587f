// What the Derivatives charts of hourly data share: the days those hours cover.
import type { PublicVolatility } from "../../lib/public/volatility.js";
import { daysOf } from "./options.js";

export const hourlyDays = (data: { volatility: PublicVolatility }) => daysOf(data.volatility.hourly);
